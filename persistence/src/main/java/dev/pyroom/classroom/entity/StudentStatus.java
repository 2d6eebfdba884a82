package dev.pyroom.classroom.entity;

import java.time.Duration;
import java.time.OffsetDateTime;

/** What a student is doing, as the cockpit's cards say it. */
public enum StudentStatus {
    NOT_HERE("not here"),
    IDLE("idle"),
    TYPING("typing"),
    RUNNING("running"),
    ERROR("error");

    /** Activity this recent counts as typing. */
    static final Duration TYPING_WITHIN = Duration.ofSeconds(60);

    private final String label;

    StudentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Offline first: an error of somebody who left is not one to answer now. */
    static StudentStatus of(StudentActivity student, OffsetDateTime now) {
        if (!student.online()) {
            return NOT_HERE;
        }
        if ("RUNNING".equals(student.sandboxState())) {
            return RUNNING;
        }
        if (student.lastError() != null) {
            return ERROR;
        }
        OffsetDateTime last = student.lastActivity();
        return last != null && last.isAfter(now.minus(TYPING_WITHIN)) ? TYPING : IDLE;
    }
}
