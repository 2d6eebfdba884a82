package dev.pyroom.lint.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void writesOneLineThatReadsBackTheSame() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", 7L);
        object.put("source", "print(\"h\u00e9\\llo\")\n\tx = '\uD83D\uDE00'\u0000");
        object.put("done", true);
        object.put("nothing", null);

        String line = Json.write(object);

        assertEquals(-1, line.indexOf('\n'));
        assertEquals(object, Json.parse(line));
    }

    @Test
    void escapesAnUnpairedSurrogateInsteadOfWritingBrokenText() {
        assertEquals("{\"s\":\"a\\ud800b\"}", Json.write(Map.of("s", "a\uD800b")));
    }

    @Test
    void readsNestedValues() {
        Object value = Json.parse(" {\"a\": [1, -2.5e1, \"x\\u00e9\", {}], \"b\": false} ");

        assertEquals(Map.of("a", List.of(1L, -25.0, "x\u00e9", Map.of()), "b", false), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\" 1}", "[1,]", "\"open", "nul", "{} x", "\"\\q\""})
    void refusesBrokenJson(String text) {
        assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
    }
}
