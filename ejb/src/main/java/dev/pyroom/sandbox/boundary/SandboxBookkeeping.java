package dev.pyroom.sandbox.boundary;

import dev.pyroom.platform.control.NodeIdentity;
import dev.pyroom.sandbox.control.RunOutcomes;
import dev.pyroom.sandbox.control.SandboxClaims;
import dev.pyroom.sandbox.control.SandboxSyncBack;
import dev.pyroom.sandbox.entity.RunOutcome;
import dev.pyroom.sandbox.entity.SandboxLoad;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records a sandbox's claim, its runs and what its sandbox uses, each in a short transaction of its own: the work
 * around them (opening a sandbox, a program's run, measuring every sandbox of the node) may take seconds on a busy
 * node, and must hold neither a database connection nor a claim's lock meanwhile.
 */
@Stateless
@PermitAll
public class SandboxBookkeeping {

    private static final Logger LOG = Logger.getLogger(SandboxBookkeeping.class.getName());

    @Inject
    SandboxClaims claims;

    @Inject
    NodeIdentity node;

    @Inject
    SandboxSyncBack syncBack;

    @Inject
    RunOutcomes outcomes;

    /**
     * Claims the sandbox this node just opened, committed at once rather than with the run that opened it: the end of
     * that run is recorded in a transaction of its own, which must find the claim to mark it idle.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void claim(long workspaceId, long ownerId, String backend) {
        claims.claim(workspaceId, ownerId, node.id(), backend);
    }

    /**
     * Marks the claim running if this node holds it for the owner (see {@link SandboxClaims#markRunning}).
     *
     * @return whether the claim was marked
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean markRunning(long workspaceId, long ownerId) {
        return claims.markRunning(workspaceId, ownerId, node.id());
    }

    /** Records what this node measured of its sandboxes, by workspace. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordLoads(Map<Long, SandboxLoad> loads) {
        loads.forEach(
                (workspaceId, load) -> claims.measured(workspaceId, node.id(), load.cpuPercent(), load.memoryBytes()));
    }

    /** Stores how a run went, for the instructor's view; a failure to store it never troubles the run. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void storeOutcome(RunOutcome outcome) {
        try {
            outcomes.add(outcome);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not store the outcome of a run in workspace " + outcome.workspaceId(), e);
        }
    }

    /**
     * After a terminal session: brings the files it changed back into the database and marks the sandbox idle, if
     * this node still holds the workspace's claim (a sandbox another node took over is stale). Asynchronous: runs end
     * on the sandbox's own thread, which must go on delivering the sandbox's answers while this asks for its changes.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void activityEnded(long workspaceId) {
        recordEnd(workspaceId, OffsetDateTime.MAX);
    }

    /**
     * After a run, as {@link #activityEnded(long)}; a file the editor saved after the run started keeps the editor's
     * version (this may run after the student's next save).
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void runEnded(long workspaceId, OffsetDateTime started) {
        recordEnd(workspaceId, started);
    }

    /**
     * While a program runs or a terminal is open: brings the files changed so far back into the database, if this node
     * still holds the workspace's claim; a file the editor saved after {@code editsWinAfter} keeps the editor's
     * version.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void syncInUse(long workspaceId, OffsetDateTime editsWinAfter) {
        try {
            claims.lock(workspaceId)
                    .filter(claim -> claim.isHeldBy(node.id()))
                    .ifPresent(claim -> syncBack.syncBack(workspaceId, editsWinAfter));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not bring back the files of workspace " + workspaceId, e);
        }
    }

    private void recordEnd(long workspaceId, OffsetDateTime editsWinAfter) {
        try {
            claims.lock(workspaceId).filter(claim -> claim.isHeldBy(node.id())).ifPresent(claim -> {
                syncBack.syncBack(workspaceId, editsWinAfter);
                claim.idle(OffsetDateTime.now());
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the end of a run in workspace " + workspaceId, e);
        }
    }
}
