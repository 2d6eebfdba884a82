package dev.pyroom.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line, for log shippers. The keys are those of Payara's own JSON formatter, which writes the
 * lines before Pyroom is deployed, so that one parser reads the whole log: {@code Timestamp}, {@code Level},
 * {@code LoggerName}, {@code ThreadID}, {@code ThreadName}, {@code TimeMillis}, {@code LevelValue},
 * {@code LogMessage}, and {@code Throwable} ({@code Exception}, {@code StackTrace}) with a stack trace; Pyroom adds
 * {@code RequestId} while a request is served. Numbers are strings, as Payara writes them.
 */
public class JsonLogFormatter extends Formatter {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private final ZoneId zone;

    public JsonLogFormatter() {
        this(ZoneId.systemDefault());
    }

    JsonLogFormatter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format(LogRecord record) {
        JsonObjectBuilder line = JSON.createObjectBuilder()
                .add(
                        "Timestamp",
                        PlainLogFormatter.TIMESTAMP.format(
                                Instant.ofEpochMilli(record.getMillis()).atZone(zone)))
                .add("Level", record.getLevel().getName())
                .add("LoggerName", String.valueOf(record.getLoggerName()))
                .add("ThreadID", String.valueOf(record.getLongThreadID()))
                .add("ThreadName", Thread.currentThread().getName())
                .add("TimeMillis", String.valueOf(record.getMillis()))
                .add("LevelValue", String.valueOf(record.getLevel().intValue()));
        RequestIds.current().ifPresent(id -> line.add("RequestId", id));
        line.add("LogMessage", Objects.toString(formatMessage(record), ""));
        if (record.getThrown() != null) {
            line.add(
                    "Throwable",
                    JSON.createObjectBuilder()
                            .add("Exception", String.valueOf(record.getThrown()))
                            .add("StackTrace", StackTraces.of(record.getThrown())));
        }
        return line.build() + System.lineSeparator();
    }
}
