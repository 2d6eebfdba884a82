package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.SandboxCommand;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Requests addressed to the node holding a sandbox, whichever node took them. */
@Dependent
public class SandboxCommands {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /**
     * Asks the node that holds the workspace's sandbox to act on it.
     *
     * @return whether a node holds a sandbox of the workspace, and so was asked
     */
    public boolean send(long workspaceId, SandboxCommand.Action action) {
        return em.createNativeQuery("""
                        INSERT INTO sandbox_command (workspace_id, node_id, action)
                        SELECT workspace_id, node_id, ?2 FROM sandbox WHERE workspace_id = ?1""")
                        .setParameter(1, workspaceId)
                        .setParameter(2, action.name())
                        .executeUpdate()
                > 0;
    }

    /** Takes the requests addressed to a node, oldest first; each is taken once. */
    @SuppressWarnings("unchecked")
    public List<SandboxCommand> take(String nodeId) {
        List<Object[]> rows = em.createNativeQuery("""
                        DELETE FROM sandbox_command WHERE node_id = ?1 RETURNING id, workspace_id, action""").setParameter(1, nodeId).getResultList();
        return rows.stream()
                .sorted((a, b) -> Long.compare(((Number) a[0]).longValue(), ((Number) b[0]).longValue()))
                .map(row -> new SandboxCommand(
                        ((Number) row[1]).longValue(), SandboxCommand.Action.valueOf((String) row[2])))
                .toList();
    }
}
