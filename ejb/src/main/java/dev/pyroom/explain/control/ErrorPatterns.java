package dev.pyroom.explain.control;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.sandbox.entity.RunEnding;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the error patterns from {@code /explain/errors.json}, refusing a resource with a broken pattern. */
final class ErrorPatterns {

    static final String RESOURCE = "/explain/errors.json";

    private ErrorPatterns() {}

    static List<ErrorPattern> read() {
        JsonObject resource = readResource();
        List<ErrorPattern> patterns = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonValue value : resource.getJsonArray("patterns")) {
            ErrorPattern pattern = pattern(value.asJsonObject());
            if (!keys.add(pattern.key())) {
                throw new IllegalStateException(RESOURCE + ": the key " + pattern.key() + " is used twice");
            }
            patterns.add(pattern);
        }
        return patterns;
    }

    private static ErrorPattern pattern(JsonObject fields) {
        String message = optional(fields, "message");
        String ending = optional(fields, "ending");
        return new ErrorPattern(
                required(fields, "key"),
                optional(fields, "exception"),
                message == null ? null : Pattern.compile(message, Pattern.DOTALL),
                ending == null ? null : RunEnding.valueOf(ending),
                required(fields, "title"),
                required(fields, "text"),
                strings(fields.getJsonArray("suggestions")),
                nearest(fields.getJsonObject("nearest")));
    }

    private static ErrorPattern.Nearest nearest(JsonObject fields) {
        return fields == null
                ? null
                : new ErrorPattern.Nearest(required(fields, "group"), strings(fields.getJsonArray("words")));
    }

    private static List<String> strings(JsonArray array) {
        return array == null
                ? List.of()
                : array.getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList();
    }

    private static String required(JsonObject fields, String name) {
        String value = optional(fields, name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": a pattern lacks its " + name + ": " + fields);
        }
        return value;
    }

    private static String optional(JsonObject fields, String name) {
        return fields.get(name) instanceof JsonString text ? text.getString() : null;
    }

    private static JsonObject readResource() {
        try (InputStream in = ErrorPatterns.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return JSON.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
