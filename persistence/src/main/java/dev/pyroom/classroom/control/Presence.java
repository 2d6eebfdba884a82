package dev.pyroom.classroom.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** When each user's editor last reported that it is open, and on which workspace. */
@Dependent
public class Presence {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /** Records that the user's editor is open now; within a few seconds of the last record it costs no write. */
    public void seen(long userId, long workspaceId) {
        em.createNativeQuery("""
                        INSERT INTO presence (user_id, workspace_id, seen_at) VALUES (?1, ?2, now())
                        ON CONFLICT (user_id) DO UPDATE
                           SET workspace_id = EXCLUDED.workspace_id, seen_at = EXCLUDED.seen_at
                         WHERE presence.seen_at < now() - interval '5 seconds'
                            OR presence.workspace_id IS DISTINCT FROM EXCLUDED.workspace_id""")
                .setParameter(1, userId)
                .setParameter(2, workspaceId)
                .executeUpdate();
    }
}
