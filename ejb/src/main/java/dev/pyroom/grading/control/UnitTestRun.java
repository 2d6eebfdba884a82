package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.TestOutcome;
import dev.pyroom.grading.entity.TestResult;
import dev.pyroom.sandbox.control.Run;
import dev.pyroom.sandbox.control.Sandbox;
import dev.pyroom.sandbox.control.SandboxException;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunResult;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The unit tests of a check, in one run of the sandbox's grader: the tests' source reaches the grader on its input,
 * and each test's result comes back as a line of JSON. A test without a line, or a grader that never says it is done,
 * counts as failed because the grader broke down: never as passed.
 */
final class UnitTestRun {

    /** Room for the grader to start and to end the student's processes, beyond the tests' own limits. */
    private static final Duration GRADER_OVERHEAD = Duration.ofSeconds(5);

    private static final Duration REPORT_GRACE = Duration.ofSeconds(5);
    /** A result line holds at most 8 KiB of the student's output besides its message, expected and actual values. */
    private static final long RESULT_BYTES_PER_TEST = 64 * 1024;

    private UnitTestRun() {}

    static List<TestResult> run(Sandbox sandbox, List<AssignmentTest> tests, RunLimits limits) {
        Duration total = tests.stream()
                .map(test -> Grader.limitsFor(test, limits).wallTime())
                .reduce(GRADER_OVERHEAD, Duration::plus);
        long resultBytes = RESULT_BYTES_PER_TEST * tests.size();
        RunLimits graderLimits = limits.withWallTime(total)
                .withCpuTime(total)
                .withOutputBytes(Math.max(limits.outputBytes(), resultBytes));
        CapturedOutput output = new CapturedOutput();
        RunResult result;
        try {
            Run run = sandbox.startGrader(graderLimits, output);
            run.sendInput(input(tests, limits));
            run.closeInput();
            result = run.result().get(total.plus(REPORT_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (SandboxException | IllegalStateException | ExecutionException | TimeoutException e) {
            return crashed(tests, "The sandbox broke down while the unit tests ran.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return crashed(tests, "The check was interrupted.");
        }
        return results(tests, output.stdout(), result);
    }

    private static String input(List<AssignmentTest> tests, RunLimits limits) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (AssignmentTest test : tests) {
            array.add(Json.createObjectBuilder()
                    .add("id", Long.toString(test.id()))
                    .add("source", test.source())
                    .add(
                            "timeLimitMs",
                            Grader.limitsFor(test, limits).wallTime().toMillis()));
        }
        return Json.createObjectBuilder().add("tests", array).build().toString();
    }

    private static List<TestResult> results(List<AssignmentTest> tests, String stdout, RunResult result) {
        GraderLines lines = GraderLines.parse(stdout);
        Map<String, JsonObject> byTest = new HashMap<>();
        for (JsonObject line : lines.objects()) {
            if (line.containsKey("id") && line.containsKey("outcome")) {
                byTest.putIfAbsent(line.getString("id", ""), line);
            }
        }
        String crash = lines.done()
                ? "The grader gave no result for this test."
                : "The grader stopped before it finished ("
                        + result.ending().name().toLowerCase().replace('_', ' ') + "): this test could not be judged.";
        List<TestResult> results = new ArrayList<>();
        for (AssignmentTest test : tests) {
            JsonObject line = byTest.get(Long.toString(test.id()));
            results.add(line == null ? TestResult.of(test, TestOutcome.CRASHED, crash) : result(test, line));
        }
        return results;
    }

    private static TestResult result(AssignmentTest test, JsonObject line) {
        TestOutcome outcome = TestOutcome.fromGrader(line.getString("outcome", ""));
        return TestResult.of(test, outcome, line.getString("message", ""))
                .withComparison(text(line, "expected"), text(line, "actual"))
                .withOutput(GraderText.tail(line.getString("output", "")));
    }

    private static String text(JsonObject line, String name) {
        return line.containsKey(name) && !line.isNull(name) ? line.getString(name, null) : null;
    }

    private static List<TestResult> crashed(List<AssignmentTest> tests, String message) {
        return tests.stream()
                .map(test -> TestResult.of(test, TestOutcome.CRASHED, message))
                .toList();
    }
}
