package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.workspace.entity.WorkspaceFile;
import java.util.List;

/** What grading one snapshot takes: its files, the assignment's tests and the course's limits. */
public record SnapshotWork(long copyId, List<WorkspaceFile> files, List<AssignmentTest> tests, RunLimits limits) {}
