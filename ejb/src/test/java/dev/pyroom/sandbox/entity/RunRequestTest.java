package dev.pyroom.sandbox.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"main.py", "lesson 1/task.py", "./main.py", "a/../main.py"})
    void acceptsFilesInsideTheWorkspace(String entryFile) {
        assertEquals(entryFile, RunRequest.of(entryFile).entryFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", "..", "../main.py", "a/../../main.py", "/etc/passwd", "main\0.py"})
    void refusesFilesOutsideTheWorkspace(String entryFile) {
        assertThrows(IllegalArgumentException.class, () -> RunRequest.of(entryFile));
    }

    @Test
    void refusesArgumentsTheKernelCannotPass() {
        RunRequest request = RunRequest.of("main.py");

        assertThrows(IllegalArgumentException.class, () -> request.withArguments(List.of("a\0b")));
    }

    @Test
    void roundsCpuTimeUpToWholeSeconds() {
        assertEquals(5, RunLimits.DEFAULTS.cpuSeconds());
        assertEquals(1, RunLimits.DEFAULTS.withCpuTime(Duration.ofMillis(1)).cpuSeconds());
        assertEquals(2, RunLimits.DEFAULTS.withCpuTime(Duration.ofMillis(1001)).cpuSeconds());
    }

    @Test
    void refusesLimitsThatAllowNothing() {
        assertThrows(IllegalArgumentException.class, () -> RunLimits.DEFAULTS.withWallTime(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RunLimits.DEFAULTS.withProcesses(0));
        assertThrows(IllegalArgumentException.class, () -> RunLimits.DEFAULTS.withOutputBytes(-1));
    }
}
