package dev.pyroom.sandbox.control;

import dev.pyroom.workspace.boundary.WorkspaceFileChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/**
 * Keeps a workspace's live sandbox on this node in step with what its user saves: once a change is stored, the same
 * change is made inside the sandbox, so the next run and the terminal see it.
 */
@ApplicationScoped
public class LiveSandboxFiles {

    @Inject
    NodeSandboxes sandboxes;

    void apply(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkspaceFileChanged change) {
        sandboxes.applyChange(change.workspaceId(), sandbox -> {
            if (change.folder()) {
                sandbox.makeFolder(change.path());
            } else if (change.isDeletion()) {
                sandbox.deleteFile(change.path());
            } else {
                sandbox.writeFile(change.path(), change.content().getBytes(StandardCharsets.UTF_8));
            }
        });
    }
}
