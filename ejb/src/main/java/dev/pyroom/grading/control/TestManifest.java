package dev.pyroom.grading.control;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.entity.OutputComparison;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * The optional {@code tests.json} of an uploaded tests folder: an object with each test's settings under its name,
 * such as {@code {"sums": {"points": 2, "hidden": true}}}. Read with a streaming parser, which keeps the order the
 * instructor listed the tests in (a JSON object promises none) and sees a name listed twice.
 */
final class TestManifest {

    /** The settings of one test; null where the manifest gives none. */
    record Settings(
            Integer points,
            Boolean hidden,
            Duration timeLimit,
            OutputComparison comparison,
            Double tolerance,
            List<String> arguments,
            String entryFile) {

        static final Settings NONE = new Settings(null, null, null, null, null, null, null);

        /** The first setting given that only an I/O test has, if any. */
        String ioOnlySetting() {
            if (comparison != null) {
                return "comparison";
            }
            if (tolerance != null) {
                return "tolerance";
            }
            if (arguments != null) {
                return "arguments";
            }
            return entryFile != null ? "entryFile" : null;
        }
    }

    private static final List<String> KEYS =
            List.of("points", "hidden", "timeLimitMs", "comparison", "tolerance", "arguments", "entryFile");

    private final String file;

    private TestManifest(String file) {
        this.file = file;
    }

    /**
     * Each test's settings, in the order the manifest lists them.
     *
     * @param file the manifest's path, named in every message
     * @throws InvalidCourseException naming the file and what is wrong in it
     */
    static Map<String, Settings> read(String file, String text) {
        return new TestManifest(file).read(text);
    }

    private Map<String, Settings> read(String text) {
        Map<String, Settings> tests = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw refused("the manifest must be an object with each test's settings under its name, such as"
                        + " {\"sums\": {\"points\": 2, \"hidden\": true}}.");
            }
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String name = parser.getString();
                if (parser.next() != JsonParser.Event.START_OBJECT) {
                    throw refused("the settings of test \"" + name + "\" must be an object, such as {\"points\": 2}.");
                }
                Settings settings = settings(name, parser.getObject());
                if (tests.put(name, settings) != null) {
                    throw refused("test \"" + name + "\" is listed twice.");
                }
            }
            if (parser.hasNext()) {
                throw refused("there is more after the object ends.");
            }
        } catch (JsonParsingException e) {
            throw refused("not valid JSON" + at(e.getLocation()) + ".");
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw refused("not valid JSON.");
        }
        return tests;
    }

    private Settings settings(String test, JsonObject object) {
        for (String key : object.keySet()) {
            if (!KEYS.contains(key)) {
                throw refused("test \"" + test + "\" has \"" + key + "\", which is no setting; the settings are "
                        + String.join(", ", KEYS) + ".");
            }
        }
        Long timeLimitMs = whole(test, object, "timeLimitMs");
        Long points = whole(test, object, "points");
        return new Settings(
                points == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, points)),
                bool(test, object, "hidden"),
                timeLimitMs == null ? null : Duration.ofMillis(Math.max(0, timeLimitMs)),
                comparison(test, object),
                number(test, object, "tolerance"),
                strings(test, object, "arguments"),
                string(test, object, "entryFile"));
    }

    private Long whole(String test, JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                // Far out of range: the test's own bounds refuse the largest long with a clear message.
                return number.bigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }
        throw wrongType(test, key, "a whole number, such as 2");
    }

    private Double number(String test, JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.doubleValue();
        }
        throw wrongType(test, key, "a number, such as 0.001");
    }

    private Boolean bool(String test, JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw wrongType(test, key, "true or false");
    }

    private String string(String test, JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw wrongType(test, key, "a string, such as \"main.py\"");
    }

    private List<String> strings(String test, JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            List<String> strings = new ArrayList<>();
            for (JsonValue item : value.asJsonArray()) {
                if (!(item instanceof JsonString string)) {
                    throw wrongType(test, key, "a list of strings, such as [\"--verbose\", \"data.txt\"]");
                }
                strings.add(string.getString());
            }
            return strings;
        }
        throw wrongType(test, key, "a list of strings, such as [\"--verbose\", \"data.txt\"]");
    }

    private OutputComparison comparison(String test, JsonObject object) {
        String name = string(test, object, "comparison");
        if (name == null) {
            return null;
        }
        return Arrays.stream(OutputComparison.values())
                .filter(comparison -> comparison.name().equals(name))
                .findFirst()
                .orElseThrow(() -> wrongType(
                        test,
                        "comparison",
                        "one of "
                                + Arrays.stream(OutputComparison.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))));
    }

    private InvalidCourseException wrongType(String test, String key, String expected) {
        return refused("\"" + key + "\" of test \"" + test + "\" must be " + expected + ".");
    }

    private InvalidCourseException refused(String problem) {
        return new InvalidCourseException(file + ": " + problem);
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNumber() < 0
                ? ""
                : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }
}
