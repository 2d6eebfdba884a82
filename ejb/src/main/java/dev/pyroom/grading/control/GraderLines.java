package dev.pyroom.grading.control;

import static dev.pyroom.platform.control.SharedJson.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sandbox's grader wrote: one JSON object a line, and whether it ended with {@code {"done": true}}. Lines
 * that are not JSON objects are skipped; a grader that did not say it was done did not finish.
 */
record GraderLines(List<JsonObject> objects, boolean done) {

    static GraderLines parse(String stdout) {
        List<JsonObject> objects = new ArrayList<>();
        boolean done = false;
        for (String line : stdout.lines().toList()) {
            JsonObject object = object(line);
            if (object == null) {
                continue;
            }
            if (object.getBoolean("done", false)) {
                done = true;
            } else {
                objects.add(object);
            }
        }
        return new GraderLines(objects, done);
    }

    private static JsonObject object(String line) {
        try (var reader = JSON.createReader(new StringReader(line))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return null;
        }
    }
}
