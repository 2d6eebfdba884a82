package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentExitTest {

    @ParameterizedTest
    @CsvSource({
        "exited 0 1500 0, false, EXITED, 0",
        "exited 3 1500 0, true, EXITED, 3",
        "signaled 9 1500 0, true, OUT_OF_MEMORY, 137",
        "signaled 9 1500 0, false, EXITED, 137",
        "signaled 11 1500 0, true, EXITED, 139",
        "timeout 0 1500 0, false, TIMED_OUT, 0",
        "cpu 24 1500 0, false, CPU_LIMIT, 24",
        "memory 1 1500 0, false, OUT_OF_MEMORY, 1",
        "fsize 25 1500 0, false, FILE_SIZE_LIMIT, 25",
        "output 0 1500 1, false, OUTPUT_LIMIT, 0",
        "stopped 0 1500 0, true, STOPPED, 0"
    })
    void tellsWhyARunEnded(String report, boolean oomKilled, RunEnding ending, int exitCode) {
        RunResult result =
                AgentExit.parse(report.getBytes(StandardCharsets.US_ASCII)).toResult(oomKilled);

        assertEquals(ending, result.ending());
        assertEquals(exitCode, result.exitCode());
        assertEquals(Duration.ofNanos(1_500_000), result.duration());
        assertEquals(ending == RunEnding.OUTPUT_LIMIT, result.outputTruncated());
    }

    @Test
    void refusesReportsItCannotRead() {
        assertThrows(
                IllegalArgumentException.class, () -> AgentExit.parse("exited 0".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(
                IllegalArgumentException.class,
                () -> AgentExit.parse("vanished 0 1 0".getBytes(StandardCharsets.US_ASCII))
                        .toResult(false));
    }
}
