package dev.pyroom.lint.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The latest lint result of each workspace file: a row per file, overwritten by each check. */
@Dependent
public class FileChecks {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /**
     * Stores the result unless it is the one stored already, so that a student typing on without changing their
     * errors costs a read, not a write.
     */
    public void record(long workspaceId, String path, int errorCount, String topSymbol, String topError) {
        em.createNativeQuery("""
                        INSERT INTO file_check (workspace_id, path, error_count, top_symbol, top_error, checked_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, now())
                        ON CONFLICT (workspace_id, path) DO UPDATE
                           SET error_count = EXCLUDED.error_count, top_symbol = EXCLUDED.top_symbol,
                               top_error = EXCLUDED.top_error,
                               checked_at = EXCLUDED.checked_at
                         WHERE file_check.error_count <> EXCLUDED.error_count
                            OR file_check.top_error IS DISTINCT FROM EXCLUDED.top_error""")
                .setParameter(1, workspaceId)
                .setParameter(2, path)
                .setParameter(3, errorCount)
                .setParameter(4, topSymbol)
                .setParameter(5, topError)
                .executeUpdate();
    }
}
