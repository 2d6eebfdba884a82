package dev.pyroom.classroom.entity;

import java.time.Duration;
import java.time.OffsetDateTime;

/** How long something has lasted, as the console says it: "just now", "12 min", "1 h 5 min". */
public final class Elapsed {

    private Elapsed() {}

    /** A {@code since} later than {@code now} (another node's clock may be behind) is "just now". */
    public static String between(OffsetDateTime since, OffsetDateTime now) {
        long minutes = Math.max(0, Duration.between(since, now).toMinutes());
        if (minutes == 0) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h " + minutes % 60 + " min";
    }
}
