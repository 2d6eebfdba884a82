package dev.pyroom.sandbox.control;

import dev.pyroom.platform.control.NodeIdentity;
import dev.pyroom.sandbox.entity.SandboxCommand;
import dev.pyroom.sandbox.entity.SandboxLoad;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's side of stepping in from any node: it carries out the requests addressed to it, and measures what its
 * sandboxes use, for every node's pages to show.
 */
@Dependent
public class SandboxSteering {

    private static final Logger LOG = Logger.getLogger(SandboxSteering.class.getName());

    @Inject
    SandboxCommands commands;

    @Inject
    NodeSandboxes sandboxes;

    @Inject
    SandboxReaper reaper;

    @Inject
    NodeIdentity node;

    /** Carries out the requests addressed to this node since the last call. */
    public void carryOutRequests() {
        for (SandboxCommand command : commands.take(node.id())) {
            try {
                carryOut(command);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not carry out " + command, e);
            }
        }
    }

    /** What each sandbox of this node uses now, by workspace; a sandbox that cannot answer now is left out. */
    public Map<Long, SandboxLoad> measureLoad() {
        Map<Long, SandboxLoad> loads = new HashMap<>();
        for (SessionSandbox sandbox : sandboxes.all()) {
            try {
                loads.put(sandbox.workspaceId(), sandbox.measure());
            } catch (RuntimeException e) {
                // Ended meanwhile, or too busy to answer: the next measure will do.
                LOG.log(Level.FINE, "Could not measure the sandbox of workspace " + sandbox.workspaceId(), e);
            }
        }
        return loads;
    }

    private void carryOut(SandboxCommand command) {
        long workspaceId = command.workspaceId();
        switch (command.action()) {
            case STOP_RUN -> sandboxes.find(workspaceId).ifPresent(SessionSandbox::stopRun);
            case END_SANDBOX -> {
                if (reaper.endNow(workspaceId)) {
                    LOG.info(() -> "Ended the sandbox of workspace " + workspaceId + ": asked to by the console");
                }
            }
        }
    }
}
