package dev.pyroom.grading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.OutputComparison;
import dev.pyroom.grading.entity.TestKind;
import dev.pyroom.grading.entity.TestOutcome;
import dev.pyroom.grading.entity.TestResult;
import dev.pyroom.sandbox.control.BubblewrapBackend;
import dev.pyroom.sandbox.control.BubblewrapSettings;
import dev.pyroom.sandbox.control.Sandbox;
import dev.pyroom.sandbox.control.SandboxBackend;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Unit tests of a check, judged by the sandbox's grader and read back here, in a real bubblewrap sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitTestRunTest {

    private static final String SOLUTION = """
            def add(a, b):
                return a + b

            def halve(n):
                return n // 3
            """;

    private SandboxBackend backend;

    @BeforeAll
    void startBackend() {
        backend = BubblewrapBackend.start(BubblewrapSettings.defaults());
    }

    @AfterAll
    void closeBackend() {
        backend.close();
    }

    @Test
    void eachTestGetsItsOwnResultInTheTestsOrder(@TempDir Path directory) throws IOException {
        AssignmentTest adds =
                unit(11, "adds", "from solution import add\n\ndef test_add():\n    assert add(2, 3) == 5\n");
        AssignmentTest halves =
                unit(12, "halves", "from solution import halve\n\ndef test_halve():\n    assert halve(10) == 5\n");

        List<TestResult> results = run(directory, SOLUTION, List.of(halves, adds));

        assertEquals(
                List.of("halves", "adds"),
                results.stream().map(TestResult::name).toList());
        assertEquals(TestOutcome.FAILED, results.get(0).outcome());
        assertEquals("5", results.get(0).expected());
        assertEquals("3", results.get(0).actual());
        assertEquals(
                TestOutcome.PASSED, results.get(1).outcome(), results.get(1).message());
    }

    @Test
    void aGraderKilledByTheStudentsCodeIsACrashNeverAPass(@TempDir Path directory) throws IOException {
        String killer = """
                import os, signal
                for pid in range(2, 400):
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass

                def add(a, b):
                    return a + b
                """;
        AssignmentTest adds =
                unit(11, "adds", "from solution import add\n\ndef test_add():\n    assert add(2, 3) == 5\n");

        List<TestResult> results = run(directory, killer, List.of(adds));

        assertEquals(TestOutcome.CRASHED, results.get(0).outcome());
        assertTrue(
                results.get(0).message().startsWith("The grader stopped before it finished"),
                results.get(0).message());
        assertNull(results.get(0).expected());
    }

    private static AssignmentTest unit(long id, String name, String source) {
        return new AssignmentTest(
                id,
                name,
                TestKind.UNIT,
                1,
                Duration.ofSeconds(2),
                true,
                "main.py",
                List.of(),
                "",
                "",
                OutputComparison.TRIMMED,
                0,
                source);
    }

    private List<TestResult> run(Path directory, String solution, List<AssignmentTest> tests) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path workspace = Files.createDirectory(directory.resolve("ws"));
        Files.writeString(workspace.resolve("solution.py"), solution);
        try (Sandbox sandbox = backend.open(SandboxSpec.of(workspace))) {
            return UnitTestRun.run(sandbox, tests, RunLimits.DEFAULTS);
        }
    }
}
