package dev.pyroom.platform.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * One plain line per record, no colours:
 * {@code 2026-12-06T09:15:02.481+0000 INFO [dev.pyroom.access] [request=3f1c…] request id=3f1c… method=GET …}. The
 * {@code [request=…]} part is there while a request is served. A stack trace, or a message of several lines, follows
 * on lines indented by two spaces, so that every line that starts at the margin starts a record: a message cannot
 * pass off a line of its own as another record, nor carry terminal escapes into the log.
 */
public class PlainLogFormatter extends Formatter {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");

    private final ZoneId zone;

    public PlainLogFormatter() {
        this(ZoneId.systemDefault());
    }

    PlainLogFormatter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(TIMESTAMP.format(
                        Instant.ofEpochMilli(record.getMillis()).atZone(zone)))
                .append(' ')
                .append(record.getLevel().getName())
                .append(" [")
                .append(record.getLoggerName())
                .append("] ");
        RequestIds.current().ifPresent(id -> line.append("[request=").append(id).append("] "));
        String text = Objects.toString(formatMessage(record), "");
        if (record.getThrown() != null) {
            text = text + '\n' + StackTraces.of(record.getThrown());
        }
        line.append(indented(CONTROL.matcher(text.strip()).replaceAll("")));
        return line.append(System.lineSeparator()).toString();
    }

    private static String indented(String text) {
        return LINE_BREAK.matcher(text).replaceAll("\n  ");
    }
}
