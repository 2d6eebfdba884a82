package dev.pyroom.sandbox.control;

import dev.pyroom.platform.control.SqlValues;
import dev.pyroom.sandbox.entity.LiveSandbox;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Every sandbox open on any node, with its owner and the holding node's last measure. */
@Dependent
public class LiveSandboxes {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /** Oldest first. */
    @SuppressWarnings("unchecked")
    public List<LiveSandbox> all() {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT s.workspace_id, w.name, u.username, u.display_name, s.node_id, n.colour, s.backend,
                               s.state, s.created_at, s.last_activity_at, s.cpu_percent, s.memory_bytes
                          FROM sandbox s
                          JOIN workspace w ON w.id = s.workspace_id
                          JOIN app_user u ON u.id = s.owner_id
                          LEFT JOIN node n ON n.id = s.node_id
                         ORDER BY s.created_at, s.workspace_id""").getResultList();
        return rows.stream().map(LiveSandboxes::toSandbox).toList();
    }

    private static LiveSandbox toSandbox(Object[] row) {
        return new LiveSandbox(
                SqlValues.number(row[0]),
                (String) row[1],
                (String) row[2],
                (String) row[3],
                (String) row[4],
                (String) row[5],
                (String) row[6],
                (String) row[7],
                SqlValues.time(row[8]),
                SqlValues.time(row[9]),
                row[10] == null ? null : ((Number) row[10]).intValue(),
                SqlValues.nullableNumber(row[11]));
    }
}
