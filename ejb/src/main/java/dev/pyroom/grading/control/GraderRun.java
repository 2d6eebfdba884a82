package dev.pyroom.grading.control;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.TestOutcome;
import dev.pyroom.grading.entity.TestResult;
import dev.pyroom.sandbox.control.Run;
import dev.pyroom.sandbox.control.Sandbox;
import dev.pyroom.sandbox.control.SandboxException;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunResult;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The last step of a check, in one run of the sandbox's grader. It compiles the student's Python files as they saved
 * them (sent from here: no program of theirs can change or fake that), and when every file compiles it runs the unit
 * tests, whose source reaches the grader on its input; each test's result comes back as a line of JSON. A test without
 * a line, or a grader that never says it is done, counts as crashed: never as passed.
 */
final class GraderRun {

    /** Room for the grader to start, to compile and to end the student's processes, beyond the tests' own limits. */
    private static final Duration GRADER_OVERHEAD = Duration.ofSeconds(5);

    private static final Duration REPORT_GRACE = Duration.ofSeconds(5);
    /** A result line holds at most 8 KiB of the student's output besides its message, expected and actual values. */
    private static final long RESULT_BYTES_PER_TEST = 64 * 1024;

    /**
     * What the grader found.
     *
     * @param notCompiled the first file that does not compile, with the compiler's message
     * @param finished whether the grader said it was done
     * @param unitResults one per unit test, in their order; empty when a file did not compile
     */
    record Findings(Optional<String> notCompiled, boolean finished, List<TestResult> unitResults) {}

    private GraderRun() {}

    /** @param sources the student's Python files by workspace path */
    static Findings run(Sandbox sandbox, Map<String, String> sources, List<AssignmentTest> tests, RunLimits limits) {
        Duration total = tests.stream()
                .map(test -> Grader.limitsFor(test, limits).wallTime())
                .reduce(GRADER_OVERHEAD, Duration::plus);
        RunLimits graderLimits = limits.withWallTime(total)
                .withCpuTime(total)
                .withOutputBytes(Math.max(limits.outputBytes(), RESULT_BYTES_PER_TEST * (tests.size() + 1)));
        CapturedOutput output = new CapturedOutput();
        RunResult result;
        try {
            Run run = sandbox.startGrader(graderLimits, output);
            run.sendInput(input(sources, tests, limits));
            run.closeInput();
            result = run.result().get(total.plus(REPORT_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (SandboxException | IllegalStateException | ExecutionException | TimeoutException e) {
            return crashed(tests, "The sandbox broke down while the grader ran.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return crashed(tests, "The check was interrupted.");
        }
        return findings(tests, GraderLines.parse(output.stdout()), result);
    }

    private static String input(Map<String, String> sources, List<AssignmentTest> tests, RunLimits limits) {
        JsonObjectBuilder compile = JSON.createObjectBuilder();
        sources.forEach(compile::add);
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (AssignmentTest test : Grader.visibleFirst(tests)) {
            array.add(JSON.createObjectBuilder()
                    .add("id", Long.toString(test.id()))
                    .add("source", test.source())
                    .add(
                            "timeLimitMs",
                            Grader.limitsFor(test, limits).wallTime().toMillis()));
        }
        return JSON.createObjectBuilder()
                .add("compile", compile)
                .add("tests", array)
                .build()
                .toString();
    }

    private static Findings findings(List<AssignmentTest> tests, GraderLines lines, RunResult result) {
        Optional<String> notCompiled = lines.objects().stream()
                .filter(line -> line.containsKey("file"))
                .findFirst()
                .map(GraderRun::compileProblem);
        if (notCompiled.isPresent()) {
            return new Findings(notCompiled, lines.done(), List.of());
        }
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
        return new Findings(Optional.empty(), lines.done(), results);
    }

    private static String compileProblem(JsonObject line) {
        return line.getString("file", "?")
                + (line.isNull("line") ? "" : ", line " + line.getInt("line"))
                + " does not compile: " + line.getString("message", "");
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

    private static Findings crashed(List<AssignmentTest> tests, String message) {
        return new Findings(
                Optional.empty(),
                false,
                tests.stream()
                        .map(test -> TestResult.of(test, TestOutcome.CRASHED, message))
                        .toList());
    }
}
