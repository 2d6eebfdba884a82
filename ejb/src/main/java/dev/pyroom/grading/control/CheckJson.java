package dev.pyroom.grading.control;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.grading.entity.TestOutcome;
import dev.pyroom.grading.entity.TestResult;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** A check's results as they are stored, and as the API shows them. */
public final class CheckJson {

    private CheckJson() {}

    public static String write(List<TestResult> results) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        results.forEach(result -> array.add(object(result)));
        return array.build().toString();
    }

    public static List<TestResult> read(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(CheckJson::result)
                    .toList();
        }
    }

    public static JsonObjectBuilder object(TestResult result) {
        JsonObjectBuilder object = JSON.createObjectBuilder()
                .add("testId", result.testId())
                .add("name", result.name())
                .add("points", result.points())
                .add("earned", result.earned())
                .add("visible", result.visible())
                .add("outcome", result.outcome().name())
                .add("message", result.message())
                .add("output", result.output());
        addNullable(object, "expected", result.expected());
        addNullable(object, "actual", result.actual());
        return object;
    }

    private static TestResult result(JsonObject object) {
        return new TestResult(
                object.getJsonNumber("testId").longValue(),
                object.getString("name"),
                object.getInt("points"),
                object.getBoolean("visible"),
                TestOutcome.valueOf(object.getString("outcome")),
                object.getString("message"),
                object.isNull("expected") ? null : object.getString("expected"),
                object.isNull("actual") ? null : object.getString("actual"),
                object.getString("output"));
    }

    private static void addNullable(JsonObjectBuilder object, String name, String value) {
        if (value == null) {
            object.add(name, JsonValue.NULL);
        } else {
            object.add(name, value);
        }
    }
}
