package dev.pyroom.grading.control;

import dev.pyroom.grading.control.OutputMatch.Verdict;
import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.TestOutcome;
import dev.pyroom.grading.entity.TestResult;
import dev.pyroom.sandbox.control.Run;
import dev.pyroom.sandbox.control.Sandbox;
import dev.pyroom.sandbox.control.SandboxException;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One I/O test: the test's file runs with its arguments and input in the check's sandbox, and its output is compared
 * here, on the server. The expected output never enters the sandbox.
 */
final class IoTestRun {

    /** How long past the run's own limit the host waits for the sandbox to report the end. */
    private static final Duration REPORT_GRACE = Duration.ofSeconds(5);

    private IoTestRun() {}

    static TestResult run(Sandbox sandbox, AssignmentTest test, RunLimits limits) {
        CapturedOutput output = new CapturedOutput();
        RunResult result;
        try {
            Run run = sandbox.start(new RunRequest(test.entryFile(), test.arguments(), limits), output);
            if (!test.stdin().isEmpty()) {
                run.sendInput(test.stdin());
            }
            run.closeInput();
            result = run.result().get(limits.wallTime().plus(REPORT_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (IllegalArgumentException e) {
            return TestResult.of(
                    test, TestOutcome.ERROR, "The test names a file that cannot be run: " + e.getMessage());
        } catch (SandboxException | IllegalStateException | ExecutionException | TimeoutException e) {
            return TestResult.of(test, TestOutcome.CRASHED, "The sandbox broke down during this test.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TestResult.of(test, TestOutcome.CRASHED, "The check was interrupted.");
        }
        return judge(test, result, output, limits).withOutput(GraderText.tail(output.stderr()));
    }

    private static TestResult judge(AssignmentTest test, RunResult result, CapturedOutput output, RunLimits limits) {
        return switch (result.ending()) {
            case EXITED -> exited(test, result.exitCode(), output);
            case TIMED_OUT ->
                TestResult.of(
                        test,
                        TestOutcome.TIMEOUT,
                        "The program did not finish within " + seconds(limits.wallTime()) + ".");
            case CPU_LIMIT -> TestResult.of(test, TestOutcome.TIMEOUT, "The program used up its processor time.");
            case OUT_OF_MEMORY -> TestResult.of(test, TestOutcome.ERROR, "The program ran out of memory.");
            case OUTPUT_LIMIT -> TestResult.of(test, TestOutcome.FAILED, "The program printed more than it may.");
            case FILE_SIZE_LIMIT ->
                TestResult.of(test, TestOutcome.ERROR, "The program wrote a file that is too large.");
            case STOPPED, SANDBOX_FAILED ->
                TestResult.of(test, TestOutcome.CRASHED, "The sandbox broke down during this test.");
        };
    }

    private static TestResult exited(AssignmentTest test, int exitCode, CapturedOutput output) {
        if (exitCode != 0) {
            String error = lastLine(output.stderr());
            return TestResult.of(
                            test,
                            TestOutcome.ERROR,
                            error.isEmpty()
                                    ? "The program ended with exit status " + exitCode + "."
                                    : "The program ended with an error: " + error)
                    .withComparison(test.expectedOutput(), output.stdout());
        }
        Verdict verdict =
                OutputMatch.compare(output.stdout(), test.expectedOutput(), test.comparison(), test.tolerance());
        return TestResult.of(test, verdict.matched() ? TestOutcome.PASSED : TestOutcome.FAILED, verdict.message())
                .withComparison(test.expectedOutput(), output.stdout());
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? duration.toSeconds() + " s"
                : String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
