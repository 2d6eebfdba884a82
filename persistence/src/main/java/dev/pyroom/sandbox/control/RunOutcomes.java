package dev.pyroom.sandbox.control;

import dev.pyroom.platform.control.SqlValues;
import dev.pyroom.sandbox.entity.RunOutcome;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The stored outcomes of runs, newest last. */
@Dependent
public class RunOutcomes {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public void add(RunOutcome outcome) {
        em.createNativeQuery("""
                        INSERT INTO run_outcome (workspace_id, user_id, entry_file, started_at, ended_at, ending,
                                                 exit_code, error_name, output_tail, output_truncated)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, outcome.workspaceId())
                .setParameter(2, outcome.userId())
                .setParameter(3, outcome.entryFile())
                .setParameter(4, outcome.startedAt())
                .setParameter(5, outcome.endedAt())
                .setParameter(6, outcome.ending())
                .setParameter(7, outcome.exitCode())
                .setParameter(8, outcome.errorName())
                .setParameter(9, outcome.outputTail())
                .setParameter(10, outcome.outputTruncated())
                .executeUpdate();
    }

    public Optional<RunOutcome> latest(long workspaceId) {
        return em.createNativeQuery("""
                        SELECT workspace_id, user_id, entry_file, started_at, ended_at, ending, exit_code,
                               error_name, output_tail, output_truncated
                          FROM run_outcome WHERE workspace_id = ?1 ORDER BY ended_at DESC, id DESC LIMIT 1""")
                .setParameter(1, workspaceId)
                .getResultStream()
                .map(row -> toOutcome((Object[]) row))
                .findFirst();
    }

    private static RunOutcome toOutcome(Object[] row) {
        return new RunOutcome(
                ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(),
                (String) row[2],
                SqlValues.time(row[3]),
                SqlValues.time(row[4]),
                (String) row[5],
                ((Number) row[6]).intValue(),
                (String) row[7],
                (String) row[8],
                (Boolean) row[9]);
    }
}
