package dev.pyroom.classroom.entity;

import java.time.OffsetDateTime;

/** An assignment as its course's page lists it; {@code dueAt} and {@code snapshotTakenAt} may be null. */
public record AssignmentSummary(
        long id, String title, OffsetDateTime dueAt, OffsetDateTime snapshotTakenAt, long copies) {}
