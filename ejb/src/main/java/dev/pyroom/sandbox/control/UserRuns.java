package dev.pyroom.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The programs each user runs on this node, by workspace: one at a time in a workspace, and at most
 * {@code pyroom.sandbox.runs-per-user} at once across a user's workspaces, so that one student cannot take a class's
 * share of the node.
 */
@ApplicationScoped
public class UserRuns {

    private final Map<Long, Set<Long>> running = new HashMap<>();

    @Inject
    SandboxSettings settings;

    /**
     * Counts a run the user is about to start; {@link #ended} must follow, also when it does not start after all.
     *
     * @throws RunRefusedException when the workspace runs a program already, or the user runs as many as they may
     */
    public synchronized void starting(long userId, long workspaceId) {
        Set<Long> workspaces = running.computeIfAbsent(userId, id -> new HashSet<>());
        if (workspaces.contains(workspaceId)) {
            throw new RunRefusedException(
                    RunRefusedException.Reason.WORKSPACE_BUSY,
                    "A program is already running in this workspace: stop it first.");
        }
        int allowed = settings.runsPerUser();
        if (workspaces.size() >= allowed) {
            throw new RunRefusedException(
                    RunRefusedException.Reason.TOO_MANY_RUNS,
                    "You are already running " + allowed + (allowed == 1 ? " program" : " programs")
                            + ": stop one first.");
        }
        workspaces.add(workspaceId);
    }

    public synchronized void ended(long userId, long workspaceId) {
        Set<Long> workspaces = running.get(userId);
        if (workspaces != null) {
            workspaces.remove(workspaceId);
            if (workspaces.isEmpty()) {
                running.remove(userId);
            }
        }
    }
}
