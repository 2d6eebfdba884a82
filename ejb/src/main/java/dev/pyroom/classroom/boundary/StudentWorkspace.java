package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.StarterFile;
import dev.pyroom.sandbox.entity.RunOutcome;
import java.util.List;

/**
 * A student's workspace as an instructor sees it, read-only.
 *
 * @param lastRun the last finished run, or null
 * @param sandboxState NONE, IDLE or RUNNING
 */
public record StudentWorkspace(
        String studentName, String workspaceName, List<StarterFile> files, RunOutcome lastRun, String sandboxState) {}
