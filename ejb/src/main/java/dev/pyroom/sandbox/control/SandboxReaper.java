package dev.pyroom.sandbox.control;

import dev.pyroom.platform.control.LeaseRepository;
import dev.pyroom.platform.control.NodeIdentity;
import dev.pyroom.platform.control.NodeRepository;
import dev.pyroom.sandbox.entity.SandboxClaim;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Ends sandboxes nobody needs any more. Each node ends only the sandboxes whose claims name it; claims of dead nodes
 * are dropped by the one node holding the cleanup lease.
 */
@Dependent
public class SandboxReaper {

    private static final Logger LOG = Logger.getLogger(SandboxReaper.class.getName());
    static final String ORPHAN_LEASE = "sandbox-orphans";
    private static final Duration ORPHAN_LEASE_TTL = Duration.ofSeconds(50);
    private static final Duration UNCLAIMED_GRACE = Duration.ofSeconds(30);

    @Inject
    NodeSandboxes sandboxes;

    @Inject
    SandboxClaims claims;

    @Inject
    NodeIdentity node;

    @Inject
    NodeRepository nodes;

    @Inject
    LeaseRepository leases;

    @Inject
    SandboxSettings settings;

    @Inject
    SandboxSyncBack syncBack;

    @Inject
    SandboxBackend backend;

    /** Ends this node's sandboxes that sat idle too long, lived too long, or were taken over by another node. */
    public void reapThisNode() {
        OffsetDateTime now = OffsetDateTime.now();
        for (SessionSandbox sandbox : sandboxes.all()) {
            Optional<SandboxClaim> claim = claims.find(sandbox.workspaceId());
            String reason = reasonToEnd(claim, sandbox, now);
            if (reason != null) {
                if (claim.filter(c -> c.isHeldBy(node.id())).isPresent()) {
                    // What was done in the terminal since the last run is saved before the sandbox goes.
                    syncBack.syncBack(sandbox.workspaceId());
                }
                sandboxes.close(sandbox.workspaceId());
                claim.filter(c -> c.isHeldBy(node.id())).ifPresent(c -> claims.release(c.getWorkspaceId(), node.id()));
                LOG.info(() -> "Ended the sandbox of workspace " + sandbox.workspaceId() + ": " + reason);
            }
        }
        for (SandboxClaim claim : claims.onNode(node.id())) {
            if (sandboxes.find(claim.getWorkspaceId()).isEmpty()) {
                claims.release(claim.getWorkspaceId(), node.id());
            }
        }
    }

    /**
     * Ends the workspace's sandbox on this node at once, keeping what was done in it; the next run opens a fresh one.
     *
     * @return whether this node held a sandbox of the workspace
     */
    public boolean endNow(long workspaceId) {
        if (sandboxes.find(workspaceId).isEmpty()) {
            return false;
        }
        if (claims.find(workspaceId).filter(c -> c.isHeldBy(node.id())).isPresent()) {
            syncBack.syncBack(workspaceId);
            claims.release(workspaceId, node.id());
        }
        sandboxes.close(workspaceId);
        return true;
    }

    /**
     * Drops the claims, host folders and backend leftovers of nodes that stopped beating; one node at a time does the
     * claims.
     */
    public void cleanUpAfterDeadNodes() {
        if (leases.tryAcquire(ORPHAN_LEASE, node.id(), ORPHAN_LEASE_TTL)) {
            int dropped = nodes.forgetSilentNodes(settings.deadNodeAfter());
            if (dropped > 0) {
                LOG.info(() -> "Dropped " + dropped + " sandbox claims of nodes that stopped");
            }
        }
        Set<String> liveNodes = nodes.liveNodeIds(settings.deadNodeAfter());
        deleteFoldersOfDeadNodes(liveNodes);
        backend.removeLeftovers(liveNodes);
    }

    private String reasonToEnd(Optional<SandboxClaim> claim, SessionSandbox sandbox, OffsetDateTime now) {
        if (claim.isEmpty()) {
            // A sandbox opened a moment ago has its claim in a transaction that may not have committed yet.
            boolean justUsed = sandbox.lastActivity().plus(UNCLAIMED_GRACE).isAfter(now.toInstant());
            return justUsed ? null : "no longer claimed";
        }
        if (!claim.get().isHeldBy(node.id())) {
            return "taken over by node " + claim.get().getNodeId();
        }
        if (claim.get().isOlderThan(settings.maxLifetime(), now)) {
            return "reached the maximum lifetime of " + settings.maxLifetime();
        }
        boolean usedLocally =
                sandbox.lastActivity().plus(settings.idleTimeout()).isAfter(now.toInstant());
        if (claim.get().isIdleLongerThan(settings.idleTimeout(), now) && !usedLocally) {
            return "idle for more than " + settings.idleTimeout();
        }
        return null;
    }

    private void deleteFoldersOfDeadNodes(Set<String> liveNodes) {
        Path root = settings.root();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(folder -> !liveNodes.contains(folder.getFileName().toString()))
                    .filter(folder -> folder.getFileName().toString().startsWith("node-"))
                    .forEach(this::deleteQuietly);
        } catch (IOException e) {
            LOG.warning(() -> "Could not list " + root + ": " + e.getMessage());
        }
    }

    private void deleteQuietly(Path folder) {
        try {
            WorkspaceFolders.delete(folder);
            LOG.info(() -> "Deleted the sandbox folders of stopped node " + folder.getFileName());
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not delete " + folder + ": " + e.getMessage());
        }
    }
}
