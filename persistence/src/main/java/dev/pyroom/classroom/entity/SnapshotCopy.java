package dev.pyroom.classroom.entity;

import java.time.OffsetDateTime;

/** One student's copy of an assignment and when its snapshot was taken (null: not yet). */
public record SnapshotCopy(long copyId, String studentName, Long workspaceId, OffsetDateTime snapshotAt) {}
