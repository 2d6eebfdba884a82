package dev.pyroom.grading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** I/O tests run in a real bubblewrap sandbox, as a check runs them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IoTestRunTest {

    private static final RunLimits LIMITS = RunLimits.DEFAULTS;

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
    void aProgramPrintingTheExpectedOutputPasses(@TempDir Path directory) throws IOException {
        String program = "name = input()\nprint(f'Hello, {name}!')\n";

        TestResult result = run(directory, program, test("Ada\n", "Hello, Ada!"));

        assertEquals(TestOutcome.PASSED, result.outcome(), result.message());
        assertEquals("Hello, Ada!\n", result.actual());
    }

    @Test
    void aWrongAnswerFailsAndShowsWhatItPrinted(@TempDir Path directory) throws IOException {
        TestResult result = run(directory, "print('Hello, world!')\n", test("Ada\n", "Hello, Ada!"));

        assertEquals(TestOutcome.FAILED, result.outcome());
        assertEquals("Line 1 of the output differs from the expected line.", result.message());
        assertEquals("Hello, world!\n", result.actual());
        assertEquals("Hello, Ada!", result.expected());
    }

    @Test
    void theRightOutputFollowedByACrashIsNoPass(@TempDir Path directory) throws IOException {
        TestResult result = run(directory, "print('Hello, Ada!')\n1 / 0\n", test("Ada\n", "Hello, Ada!"));

        assertEquals(TestOutcome.ERROR, result.outcome());
        assertEquals("The program ended with an error: ZeroDivisionError: division by zero", result.message());
    }

    @Test
    void exitingEarlyWithStatusZeroIsNoPass(@TempDir Path directory) throws IOException {
        TestResult result = run(directory, "import os\nos._exit(0)\n", test("Ada\n", "Hello, Ada!"));

        assertEquals(TestOutcome.FAILED, result.outcome());
    }

    @Test
    void aSyntaxErrorPrintedOrRaisedWhileRunningIsAnError(@TempDir Path directory) throws IOException {
        TestResult result = run(directory, "raise SyntaxError('fake')\n", test("", "x"));

        assertEquals(TestOutcome.ERROR, result.outcome());
    }

    @Test
    void aProgramOverItsTimeLimitTimesOut(@TempDir Path directory) throws IOException {
        AssignmentTest test = test("", "x");
        TestResult result = run(directory, "while True:\n    pass\n", test, Duration.ofMillis(500));

        assertEquals(TestOutcome.TIMEOUT, result.outcome());
        assertEquals("The program did not finish within 0.5 s.", result.message());
    }

    @Test
    void argumentsReachTheProgram(@TempDir Path directory) throws IOException {
        AssignmentTest test = new AssignmentTest(
                1L,
                "sum",
                TestKind.IO,
                1,
                Duration.ofSeconds(2),
                true,
                "main.py",
                List.of("2", "40"),
                "",
                "42",
                OutputComparison.TRIMMED,
                0,
                "");

        TestResult result = run(directory, "import sys\nprint(sum(int(a) for a in sys.argv[1:]))\n", test);

        assertEquals(TestOutcome.PASSED, result.outcome(), result.message());
    }

    private static AssignmentTest test(String stdin, String expected) {
        return AssignmentTests.io(1L, "greeting", 2, true, stdin, expected);
    }

    private TestResult run(Path directory, String program, AssignmentTest test) throws IOException {
        return run(directory, program, test, test.timeLimit());
    }

    private TestResult run(Path directory, String program, AssignmentTest test, Duration timeLimit) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path workspace = Files.createDirectory(directory.resolve("ws"));
        Files.writeString(workspace.resolve("main.py"), program);
        try (Sandbox sandbox = backend.open(SandboxSpec.of(workspace))) {
            return IoTestRun.run(sandbox, test, LIMITS.withWallTime(timeLimit).withCpuTime(timeLimit));
        }
    }
}
