package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.workspace.entity.WorkspaceFile;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What grading one snapshot takes: its files, the assignment's tests and the course's limits.
 *
 * @param claimedAt when it was claimed, by the database's clock: the grade's time
 */
public record SnapshotWork(
        long copyId,
        OffsetDateTime claimedAt,
        List<WorkspaceFile> files,
        List<AssignmentTest> tests,
        RunLimits limits) {}
