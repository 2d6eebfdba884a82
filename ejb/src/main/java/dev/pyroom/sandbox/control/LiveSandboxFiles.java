package dev.pyroom.sandbox.control;

import dev.pyroom.workspace.boundary.WorkspaceFileChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Keeps a workspace's live sandbox on this node in step with what its user saves: once a change is stored, the same
 * change is made inside the sandbox, so the next run and the terminal see it.
 */
@ApplicationScoped
public class LiveSandboxFiles {

    private static final Logger LOG = Logger.getLogger(LiveSandboxFiles.class.getName());

    @Inject
    NodeSandboxes sandboxes;

    void apply(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkspaceFileChanged change) {
        sandboxes.find(change.workspaceId()).ifPresent(sandbox -> {
            try {
                if (change.folder()) {
                    sandbox.makeFolder(change.path());
                } else if (change.isDeletion()) {
                    sandbox.deleteFile(change.path());
                } else {
                    sandbox.writeFile(change.path(), change.content().getBytes(StandardCharsets.UTF_8));
                }
            } catch (RuntimeException e) {
                // A sandbox that cannot take the change would run stale files: end it; the next run opens a fresh one.
                LOG.warning(() -> "Ended the sandbox of workspace " + change.workspaceId() + ": " + e.getMessage());
                sandboxes.close(change.workspaceId());
            }
        });
    }
}
