package dev.pyroom.sandbox.control;

import dev.pyroom.workspace.control.FileChange;
import dev.pyroom.workspace.control.SyncReport;
import dev.pyroom.workspace.control.WorkspaceRepository;
import dev.pyroom.workspace.control.WorkspaceSync;
import dev.pyroom.workspace.entity.Workspace;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings what programs and terminals changed in a workspace's sandbox on this node back into the database, in the
 * caller's transaction. The sandbox reports its changes through its agent, so the host never opens a file a program
 * could have turned into a link.
 */
@Dependent
public class SandboxSyncBack {

    private static final Logger LOG = Logger.getLogger(SandboxSyncBack.class.getName());

    @Inject
    NodeSandboxes sandboxes;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    WorkspaceSync sync;

    /**
     * Stores the changes the workspace's sandbox reports; refusals are logged.
     *
     * @return what was stored and refused; empty when this node has no live sandbox for the workspace or it could not
     *     report
     */
    public Optional<SyncReport> syncBack(long workspaceId) {
        return syncBack(workspaceId, OffsetDateTime.MAX);
    }

    /**
     * As {@link #syncBack(long)}, but a file saved (from the editor) after {@code editsWinAfter} keeps its stored
     * version: the sandbox's copy may predate that save.
     */
    public Optional<SyncReport> syncBack(long workspaceId, OffsetDateTime editsWinAfter) {
        Optional<SessionSandbox> sandbox = sandboxes.find(workspaceId).filter(SessionSandbox::isAlive);
        Optional<Workspace> workspace = workspaces.find(workspaceId);
        if (sandbox.isEmpty() || workspace.isEmpty()) {
            return Optional.empty();
        }
        List<FileChange> changes;
        try {
            changes = sandbox.get().collectChanges();
        } catch (SandboxException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Could not collect the changes of workspace " + workspaceId, e);
            return Optional.empty();
        }
        if (changes.isEmpty()) {
            return Optional.of(new SyncReport(0, 0, List.of()));
        }
        SyncReport report = sync.apply(workspace.get(), changes, editsWinAfter);
        if (!report.isClean()) {
            LOG.info(() -> "Workspace " + workspaceId + ": not synced back from its sandbox: " + report.refused());
        }
        return Optional.of(report);
    }
}
