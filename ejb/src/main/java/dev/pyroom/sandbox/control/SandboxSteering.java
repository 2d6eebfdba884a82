package dev.pyroom.sandbox.control;

import dev.pyroom.platform.control.NodeIdentity;
import dev.pyroom.sandbox.entity.SandboxCommand;
import dev.pyroom.sandbox.entity.SandboxLoad;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's side of stepping in from any node: it carries out the requests addressed to it, and publishes what its
 * sandboxes use, so that every node's pages can show it.
 */
@Dependent
public class SandboxSteering {

    private static final Logger LOG = Logger.getLogger(SandboxSteering.class.getName());

    @Inject
    SandboxCommands commands;

    @Inject
    SandboxClaims claims;

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

    /** Records in the database what each sandbox of this node uses now. */
    public void publishLoad() {
        for (SessionSandbox sandbox : sandboxes.all()) {
            try {
                SandboxLoad load = sandbox.measure();
                claims.measured(sandbox.workspaceId(), node.id(), load.cpuPercent(), load.memoryBytes());
            } catch (RuntimeException e) {
                // Ended meanwhile, or too busy to answer: the next measure will do.
                LOG.log(Level.FINE, "Could not measure the sandbox of workspace " + sandbox.workspaceId(), e);
            }
        }
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
