package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunResult;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Grades unit tests in a real sandbox as the grading service does: the grader's JSON in, its JSON lines out. */
abstract class GraderHarness extends SandboxContract {

    static final long TIME_LIMIT_MS = 10_000;
    static final RunLimits GRADING = RunLimits.DEFAULTS.withWallTime(Duration.ofSeconds(25));

    record TestSource(String id, String source, long timeLimitMs) {}

    /** What the grader wrote: every line of its stdout, each a JSON object, and how the run ended. */
    record Grading(List<JsonObject> lines, String stdout, String stderr, RunResult result) {

        JsonObject test(String id) {
            return lines.stream()
                    .filter(line -> id.equals(line.getString("id", null)))
                    .findFirst()
                    .orElseGet(() -> fail("no line for test " + id + " in " + stdout + " (stderr: " + stderr + ")"));
        }

        String outcome(String id) {
            return test(id).getString("outcome");
        }

        String message(String id) {
            return test(id).getString("message");
        }

        boolean done() {
            return lines.stream().anyMatch(line -> line.getBoolean("done", false));
        }

        boolean anyPassed() {
            return lines.stream().anyMatch(line -> "passed".equals(line.getString("outcome", null)));
        }

        /** Asserts that there is one line for each test, in order, and then {@code done}: nothing more. */
        void assertComplete(int tests) {
            assertEquals(tests + 1, lines.size(), stdout);
            for (int i = 0; i < tests; i++) {
                assertEquals(Integer.toString(i + 1), lines.get(i).getString("id"), stdout);
            }
            assertEquals(true, done(), stdout);
        }
    }

    /** Grades sources with ids 1, 2, ... in order, each with the same generous time limit. */
    Grading grade(String... sources) throws Exception {
        List<TestSource> tests = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            tests.add(new TestSource(Integer.toString(i + 1), sources[i], TIME_LIMIT_MS));
        }
        return grade(tests);
    }

    Grading grade(List<TestSource> tests) throws Exception {
        JsonArrayBuilder array = Json.createArrayBuilder();
        tests.forEach(test -> array.add(Json.createObjectBuilder()
                .add("id", test.id())
                .add("source", test.source())
                .add("timeLimitMs", test.timeLimitMs())));
        String input = Json.createObjectBuilder().add("tests", array).build().toString();
        Transcript transcript = new Transcript();
        Run run = sandbox.startGrader(GRADING, transcript);
        run.sendInput(input);
        run.closeInput();
        RunResult result = await(run);
        return new Grading(parse(transcript.stdout()), transcript.stdout(), transcript.stderr(), result);
    }

    /** Every line must be one JSON object: the grader prints nothing else, and the student's code cannot. */
    private static List<JsonObject> parse(String stdout) {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : stdout.lines().toList()) {
            try (var reader = Json.createReader(new StringReader(line))) {
                JsonValue value = reader.readValue();
                lines.add(value.asJsonObject());
            } catch (JsonParsingException | ClassCastException e) {
                fail("the grader wrote a line that is not a JSON object: " + line, e);
            }
        }
        return lines;
    }
}
