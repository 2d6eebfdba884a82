package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.SandboxClaim;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@Dependent
public class SandboxClaims {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /** Claims the workspace's sandbox for this node, taking it over from whichever node held it. */
    public void claim(long workspaceId, long ownerId, String nodeId, String backend) {
        em.createNativeQuery("""
                        INSERT INTO sandbox (workspace_id, owner_id, node_id, backend, state, created_at, last_activity_at)
                        VALUES (?1, ?2, ?3, ?4, 'IDLE', now(), now())
                        ON CONFLICT (workspace_id) DO UPDATE
                           SET node_id = EXCLUDED.node_id, backend = EXCLUDED.backend, state = 'IDLE',
                               created_at = now(), last_activity_at = now(),
                               cpu_percent = NULL, memory_bytes = NULL, measured_at = NULL""")
                .setParameter(1, workspaceId)
                .setParameter(2, ownerId)
                .setParameter(3, nodeId)
                .setParameter(4, backend)
                .executeUpdate();
    }

    public Optional<SandboxClaim> find(long workspaceId) {
        return Optional.ofNullable(em.find(SandboxClaim.class, workspaceId));
    }

    /**
     * Marks the sandbox running, in one statement, if the claim is the owner's and {@code nodeId} holds it; locked
     * against other nodes until the transaction ends. A claim is made only for a workspace's owner, and a workspace
     * never changes owner, so a marked claim also answers who may run there.
     *
     * @return whether the claim was marked
     */
    public boolean markRunning(long workspaceId, long ownerId, String nodeId) {
        return em.createNativeQuery("""
                        UPDATE sandbox SET state = 'RUNNING', last_activity_at = now()
                         WHERE workspace_id = ?1 AND owner_id = ?2 AND node_id = ?3""")
                        .setParameter(1, workspaceId)
                        .setParameter(2, ownerId)
                        .setParameter(3, nodeId)
                        .executeUpdate()
                == 1;
    }

    /** The claim, locked against other nodes until the transaction ends. */
    public Optional<SandboxClaim> lock(long workspaceId) {
        return Optional.ofNullable(em.find(SandboxClaim.class, workspaceId, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<SandboxClaim> onNode(String nodeId) {
        return em.createNamedQuery(SandboxClaim.ON_NODE, SandboxClaim.class)
                .setParameter("nodeId", nodeId)
                .getResultList();
    }

    /** Records what this node measured of a sandbox it holds. */
    public void measured(long workspaceId, String nodeId, int cpuPercent, long memoryBytes) {
        em.createNativeQuery("""
                        UPDATE sandbox SET cpu_percent = ?3, memory_bytes = ?4, measured_at = now()
                         WHERE workspace_id = ?1 AND node_id = ?2""")
                .setParameter(1, workspaceId)
                .setParameter(2, nodeId)
                .setParameter(3, cpuPercent)
                .setParameter(4, memoryBytes)
                .executeUpdate();
    }

    /** Drops the claim if this node still holds it; another node's newer claim stays. */
    public void release(long workspaceId, String nodeId) {
        em.createNativeQuery("DELETE FROM sandbox WHERE workspace_id = ?1 AND node_id = ?2")
                .setParameter(1, workspaceId)
                .setParameter(2, nodeId)
                .executeUpdate();
    }
}
