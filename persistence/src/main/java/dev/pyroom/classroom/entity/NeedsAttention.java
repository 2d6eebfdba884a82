package dev.pyroom.classroom.entity;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Locale;

/**
 * The cockpit's order: raised hands first, in the order asked; then students stuck on an error, longest first; then
 * those with no activity, longest first; then everybody else by name.
 */
public final class NeedsAttention implements Comparator<StudentActivity>, Serializable {

    private final OffsetDateTime now;

    public NeedsAttention(OffsetDateTime now) {
        this.now = now;
    }

    @Override
    public int compare(StudentActivity left, StudentActivity right) {
        int byGroup = Integer.compare(group(left), group(right));
        if (byGroup != 0) {
            return byGroup;
        }
        int bySince =
                Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder()).compare(since(left), since(right));
        return bySince != 0 ? bySince : name(left).compareTo(name(right));
    }

    private int group(StudentActivity student) {
        if (student.handRaisedAt() != null) {
            return 0;
        }
        return switch (student.status(now)) {
            case ERROR -> 1;
            case IDLE, NOT_HERE -> 2;
            case RUNNING, TYPING -> 3;
        };
    }

    private OffsetDateTime since(StudentActivity student) {
        if (student.handRaisedAt() != null) {
            return student.handRaisedAt();
        }
        return switch (student.status(now)) {
            case ERROR -> student.stuckSince();
            case IDLE, NOT_HERE -> student.lastActivity();
            case RUNNING, TYPING -> null;
        };
    }

    private static String name(StudentActivity student) {
        return student.displayName().toLowerCase(Locale.ROOT);
    }
}
