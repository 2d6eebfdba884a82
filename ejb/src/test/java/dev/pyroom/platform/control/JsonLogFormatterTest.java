package dev.pyroom.platform.control;

import static dev.pyroom.platform.control.PlainLogFormatterTest.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

    private final JsonLogFormatter formatter = new JsonLogFormatter(ZoneOffset.UTC);

    @Test
    void aRecordIsOneObjectOnOneLineWithPayarasKeys() {
        String line = formatter.format(record(Level.INFO, "first\nsecond \"quoted\""));

        assertTrue(line.endsWith("}" + System.lineSeparator()));
        assertEquals(1, line.lines().count());
        JsonObject object = parse(line);
        assertEquals("2026-12-06T09:15:02.481+0000", object.getString("Timestamp"));
        assertEquals("INFO", object.getString("Level"));
        assertEquals("800", object.getString("LevelValue"));
        assertEquals("dev.pyroom.sandbox", object.getString("LoggerName"));
        assertEquals("1796548502481", object.getString("TimeMillis"));
        assertEquals(Thread.currentThread().getName(), object.getString("ThreadName"));
        assertEquals("first\nsecond \"quoted\"", object.getString("LogMessage"));
        assertFalse(object.containsKey("RequestId"));
        assertFalse(object.containsKey("Throwable"));
    }

    @Test
    void aRecordWrittenWhileARequestIsServedCarriesItsId() {
        LogRecord record = record(Level.WARNING, "request id={0} status={1}");
        record.setParameters(new Object[] {"3f1c", "503"});
        try (RequestIds.Scope serving = RequestIds.enter("3f1c")) {
            JsonObject object = parse(formatter.format(record));

            assertEquals("3f1c", object.getString("RequestId"));
            assertEquals("request id=3f1c status=503", object.getString("LogMessage"));
        }
    }

    @Test
    void aThrowableGoesWithItsStackTrace() {
        LogRecord record = record(Level.SEVERE, "A run failed");
        record.setThrown(new IllegalStateException("broken"));
        JsonObject throwable = parse(formatter.format(record)).getJsonObject("Throwable");

        assertEquals("java.lang.IllegalStateException: broken", throwable.getString("Exception"));
        assertTrue(throwable.getString("StackTrace").contains("\tat dev.pyroom.platform.control.JsonLogFormatterTest"));
    }

    private static JsonObject parse(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }
}
