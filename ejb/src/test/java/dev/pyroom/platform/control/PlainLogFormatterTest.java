package dev.pyroom.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class PlainLogFormatterTest {

    private final PlainLogFormatter formatter = new PlainLogFormatter(ZoneOffset.UTC);

    @Test
    void aLineOutsideARequestHasTimeLevelLoggerAndMessage() {
        assertEquals(
                "2026-12-06T09:15:02.481+0000 INFO [dev.pyroom.sandbox] Sandbox pool ready" + System.lineSeparator(),
                formatter.format(record(Level.INFO, "Sandbox pool ready")));
    }

    @Test
    void aLineWrittenWhileARequestIsServedCarriesItsId() {
        LogRecord record = record(Level.WARNING, "Refused a cross-site {0}");
        record.setParameters(new Object[] {"POST"});
        try (RequestIds.Scope serving = RequestIds.enter("lab-42.check")) {
            assertEquals(
                    "2026-12-06T09:15:02.481+0000 WARNING [dev.pyroom.sandbox] [request=lab-42.check] Refused a"
                            + " cross-site POST" + System.lineSeparator(),
                    formatter.format(record));
        }
        assertFalse(formatter.format(record).contains("request="), "the id ends with the request");
    }

    @Test
    void everyFurtherLineOfARecordIsIndentedSoNoMessageCanForgeARecord() {
        String forged = "a\n2026-12-06T09:15:03.000+0000 INFO [dev.pyroom.access] [request=forged] hello\r\nb";

        assertEquals(
                List.of(
                        "2026-12-06T09:15:02.481+0000 INFO [dev.pyroom.sandbox] a",
                        "  2026-12-06T09:15:03.000+0000 INFO [dev.pyroom.access] [request=forged] hello",
                        "  b"),
                formatter.format(record(Level.INFO, forged)).lines().toList());
    }

    @Test
    void terminalEscapesAndOtherControlCharactersAreDropped() {
        String line = formatter.format(record(Level.INFO, "\u001b[1;31mred\u001b[0m and\u0007 bell"));

        assertTrue(line.endsWith("] [1;31mred[0m and bell" + System.lineSeparator()), line);
        assertFalse(line.contains("\u001b"));
    }

    @Test
    void aStackTraceFollowsIndentedWithItsCause() {
        LogRecord record = record(Level.SEVERE, "A run failed");
        record.setThrown(new IllegalStateException("broken", new IOException("pipe closed")));
        List<String> lines = formatter.format(record).lines().toList();

        assertEquals("2026-12-06T09:15:02.481+0000 SEVERE [dev.pyroom.sandbox] A run failed", lines.get(0));
        assertEquals("  java.lang.IllegalStateException: broken", lines.get(1));
        assertTrue(lines.subList(1, lines.size()).stream().allMatch(line -> line.startsWith("  ")), lines::toString);
        assertTrue(lines.contains("  Caused by: java.io.IOException: pipe closed"), lines::toString);
    }

    static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("dev.pyroom.sandbox");
        record.setInstant(Instant.parse("2026-12-06T09:15:02.481Z"));
        return record;
    }
}
