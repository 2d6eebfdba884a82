package dev.pyroom.grading.entity;

import java.time.OffsetDateTime;

/**
 * How far the grading of an assignment's snapshots has come.
 *
 * @param requestedAt when the grading was last asked for, or null when it never was
 */
public record GradingProgress(long snapshots, long graded, OffsetDateTime requestedAt) {

    public boolean done() {
        return graded >= snapshots;
    }
}
