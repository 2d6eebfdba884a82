package dev.pyroom.platform.control;

import java.util.Locale;
import java.util.logging.Formatter;

/** How this node writes its log lines: the setting {@code pyroom.log.format}. */
public enum LogFormat {
    /** One plain line per record ({@link PlainLogFormatter}). */
    PLAIN,
    /** One JSON object per line ({@link JsonLogFormatter}). */
    JSON;

    /** The format a setting names ({@code plain}, {@code json}); {@link IllegalArgumentException} for any other. */
    public static LogFormat named(String name) {
        for (LogFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(name.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "pyroom.log.format (PYROOM_LOG_FORMAT) must be plain or json, not '" + name + "'");
    }

    public Formatter newFormatter() {
        return this == PLAIN ? new PlainLogFormatter() : new JsonLogFormatter();
    }
}
