package dev.pyroom.platform.control;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Converts the values native queries return into the types the rest of Pyroom uses. */
public final class SqlValues {

    private SqlValues() {}

    /** A {@code timestamptz} column: the driver hands back a {@link Timestamp} or an {@link OffsetDateTime}. */
    public static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    public static long number(Object value) {
        return ((Number) value).longValue();
    }

    public static Long nullableNumber(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
