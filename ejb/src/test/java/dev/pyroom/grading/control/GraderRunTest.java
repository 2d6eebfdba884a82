package dev.pyroom.grading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.grading.entity.AssignmentTest;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last step of a check, in a real bubblewrap sandbox: the grader compiles the saved files, runs the unit tests, and
 * its results are read back here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraderRunTest {

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
        AssignmentTest adds = AssignmentTests.unit(
                11, "adds", "from solution import add\n\ndef test_add():\n    assert add(2, 3) == 5\n");
        AssignmentTest halves = AssignmentTests.unit(
                12, "halves", "from solution import halve\n\ndef test_halve():\n    assert halve(10) == 5\n");

        List<TestResult> results =
                run(directory, SOLUTION, List.of(halves, adds)).unitResults();

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
        AssignmentTest adds = AssignmentTests.unit(
                11, "adds", "from solution import add\n\ndef test_add():\n    assert add(2, 3) == 5\n");

        GraderRun.Findings findings = run(directory, killer, List.of(adds));
        List<TestResult> results = findings.unitResults();

        assertFalse(findings.finished());

        assertEquals(TestOutcome.CRASHED, results.get(0).outcome());
        assertTrue(
                results.get(0).message().startsWith("The grader stopped before it finished"),
                results.get(0).message());
        assertNull(results.get(0).expected());
    }

    @Test
    void aFileThatDoesNotCompileIsNamedWithItsLineAndNoTestRuns(@TempDir Path directory) throws IOException {
        AssignmentTest adds = AssignmentTests.unit(
                11, "adds", "from solution import add\n\ndef test_add():\n    assert add(2, 3) == 5\n");

        GraderRun.Findings findings =
                run(directory, Map.of("solution.py", SOLUTION, "lib/helpers.py", "X = 1\ndef f(:\n"), List.of(adds));

        assertEquals(
                Optional.of("lib/helpers.py, line 2 does not compile: SyntaxError: invalid syntax"),
                findings.notCompiled());
        assertEquals(List.of(), findings.unitResults());
    }

    @Test
    void compilingRunsNothingOfTheFiles(@TempDir Path directory) throws IOException {
        GraderRun.Findings findings =
                run(directory, Map.of("main.py", "open('/workspace/ran', 'w').write('yes')\n"), List.of());

        assertEquals(Optional.empty(), findings.notCompiled());
        assertTrue(findings.finished());
        assertTrue(Files.notExists(directory.resolve("ws/ran")));
    }

    @Test
    void noVisibleTestMeetsWhatAHiddenTestGaveTheStudentsCode(@TempDir Path directory) throws IOException {
        String recorder = "seen = []\n\ndef record(value):\n    seen.append(value)\n    return list(seen)\n";
        AssignmentTest hidden = hidden(AssignmentTests.unit(
                21, "hidden", "from solution import record\n\ndef test_secret():\n    record('secret')\n"));
        AssignmentTest visible = AssignmentTests.unit(
                22,
                "visible",
                "from solution import record\n\ndef test_shown():\n    assert record('shown') == ['shown']\n");

        List<TestResult> results =
                run(directory, recorder, List.of(hidden, visible)).unitResults();

        assertEquals(
                List.of("hidden", "visible"),
                results.stream().map(TestResult::name).toList());
        assertEquals(
                TestOutcome.PASSED, results.get(0).outcome(), results.get(0).message());
        assertEquals(
                TestOutcome.PASSED, results.get(1).outcome(), results.get(1).message());
    }

    private static AssignmentTest hidden(AssignmentTest test) {
        return new AssignmentTest(
                test.id(),
                test.name(),
                test.kind(),
                test.points(),
                test.timeLimit(),
                false,
                test.entryFile(),
                test.arguments(),
                test.stdin(),
                test.expectedOutput(),
                test.comparison(),
                test.tolerance(),
                test.source());
    }

    private GraderRun.Findings run(Path directory, String solution, List<AssignmentTest> tests) throws IOException {
        return run(directory, Map.of("solution.py", solution), tests);
    }

    private GraderRun.Findings run(Path directory, Map<String, String> files, List<AssignmentTest> tests)
            throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path workspace = Files.createDirectory(directory.resolve("ws"));
        for (var file : files.entrySet()) {
            Path path = workspace.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        try (Sandbox sandbox = backend.open(SandboxSpec.of(workspace))) {
            return GraderRun.run(sandbox, files, tests, RunLimits.DEFAULTS);
        }
    }
}
