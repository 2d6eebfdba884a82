package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.CheckOutcome;
import dev.pyroom.grading.entity.StoredCheck;
import dev.pyroom.platform.control.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;

/** The checks students made of their copies of assignments. */
@Dependent
public class TestChecks {

    private static final String COLUMNS =
            "id, assignment_id, student_id, workspace_id, checked_at, outcome, score, max_score, results::text";

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public long store(
            long assignmentId,
            long studentId,
            long workspaceId,
            OffsetDateTime checkedAt,
            CheckOutcome outcome,
            int score,
            int maxScore,
            String resultsJson) {
        return SqlValues.number(em.createNativeQuery("""
                        INSERT INTO test_check (assignment_id, student_id, workspace_id, checked_at, outcome, score,
                               max_score, results)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS jsonb)) RETURNING id""")
                .setParameter(1, assignmentId)
                .setParameter(2, studentId)
                .setParameter(3, workspaceId)
                .setParameter(4, checkedAt)
                .setParameter(5, outcome.name())
                .setParameter(6, score)
                .setParameter(7, maxScore)
                .setParameter(8, resultsJson)
                .getSingleResult());
    }

    /** The student's checks of the assignment, newest first. */
    public List<StoredCheck> history(long assignmentId, long studentId, int max) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + """
                         FROM test_check WHERE assignment_id = ?1 AND student_id = ?2
                        ORDER BY checked_at DESC, id DESC LIMIT ?3""")
                .setParameter(1, assignmentId)
                .setParameter(2, studentId)
                .setParameter(3, max)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).map(TestChecks::check).toList();
    }

    /** How many checks of the assignment count as attempts: those whose files compiled. */
    public long attempts(long assignmentId, long studentId) {
        return SqlValues.number(em.createNativeQuery("""
                        SELECT count(*) FROM test_check
                         WHERE assignment_id = ?1 AND student_id = ?2 AND outcome <> 'NOT_COMPILED'""")
                .setParameter(1, assignmentId)
                .setParameter(2, studentId)
                .getSingleResult());
    }

    private static StoredCheck check(Object[] row) {
        return new StoredCheck(
                SqlValues.number(row[0]),
                SqlValues.number(row[1]),
                SqlValues.number(row[2]),
                SqlValues.nullableNumber(row[3]),
                SqlValues.time(row[4]),
                CheckOutcome.valueOf((String) row[5]),
                ((Number) row[6]).intValue(),
                ((Number) row[7]).intValue(),
                (String) row[8]);
    }
}
