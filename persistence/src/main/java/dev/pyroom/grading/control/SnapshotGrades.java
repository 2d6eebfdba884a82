package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.CheckOutcome;
import dev.pyroom.grading.entity.GradingProgress;
import dev.pyroom.grading.entity.SnapshotClaim;
import dev.pyroom.platform.control.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/** The grades of the due-date snapshots, and which snapshots still wait for one. */
@Dependent
public class SnapshotGrades {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /** Asks for every snapshot of the assignment to be graded (again) with the tests as they are now. */
    public void request(long assignmentId) {
        em.createNativeQuery("UPDATE assignment SET grades_requested_at = clock_timestamp() WHERE id = ?1")
                .setParameter(1, assignmentId)
                .executeUpdate();
    }

    /**
     * Claims up to {@code max} snapshots that wait for a grade, for {@code claim}: no other node takes them meanwhile.
     *
     * @return the claimed copies, each with the database's time of the claim: the grade counts from then, so that a
     *     re-grade asked for while it is graded is told from one asked for before, whatever the nodes' clocks say
     */
    public List<SnapshotClaim> claimDue(int max, Duration claim) {
        List<?> rows = em.createNativeQuery("""
                        UPDATE assignment_copy SET grading_claimed_until = clock_timestamp() + CAST(?2 AS interval)
                         WHERE id IN (
                               SELECT c.id FROM assignment_copy c JOIN assignment a ON a.id = c.assignment_id
                                 LEFT JOIN snapshot_grade g ON g.copy_id = c.id
                                WHERE c.snapshot_at IS NOT NULL AND a.grades_requested_at IS NOT NULL
                                  AND (g.copy_id IS NULL OR g.graded_at < a.grades_requested_at)
                                  AND (c.grading_claimed_until IS NULL OR c.grading_claimed_until < clock_timestamp())
                                ORDER BY c.id LIMIT ?1 FOR UPDATE OF c SKIP LOCKED)
                        RETURNING id, clock_timestamp()""")
                .setParameter(1, max)
                .setParameter(2, claim.toSeconds() + " seconds")
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new SnapshotClaim(SqlValues.number(row[0]), SqlValues.time(row[1])))
                .toList();
    }

    /** Stores a snapshot's grade and gives up its claim. */
    public void store(
            long copyId, OffsetDateTime gradedAt, CheckOutcome outcome, int score, int maxScore, String json) {
        em.createNativeQuery("""
                        INSERT INTO snapshot_grade (copy_id, graded_at, outcome, score, max_score, results)
                        VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb))
                        ON CONFLICT (copy_id) DO UPDATE SET graded_at = excluded.graded_at, outcome = excluded.outcome,
                               score = excluded.score, max_score = excluded.max_score, results = excluded.results""")
                .setParameter(1, copyId)
                .setParameter(2, gradedAt)
                .setParameter(3, outcome.name())
                .setParameter(4, score)
                .setParameter(5, maxScore)
                .setParameter(6, json)
                .executeUpdate();
        release(copyId);
    }

    /** Gives up the claim on a snapshot, graded or not. */
    public void release(long copyId) {
        em.createNativeQuery("UPDATE assignment_copy SET grading_claimed_until = NULL WHERE id = ?1")
                .setParameter(1, copyId)
                .executeUpdate();
    }

    /** How far the grading the instructor last asked for has come. */
    public GradingProgress progress(long assignmentId) {
        Object[] row = (Object[])
                em.createNativeQuery("""
                        SELECT count(c.id),
                               count(g.copy_id) FILTER (WHERE a.grades_requested_at IS NOT NULL
                                                          AND g.graded_at >= a.grades_requested_at),
                               a.grades_requested_at
                          FROM assignment a
                          LEFT JOIN assignment_copy c ON c.assignment_id = a.id AND c.snapshot_at IS NOT NULL
                          LEFT JOIN snapshot_grade g ON g.copy_id = c.id
                         WHERE a.id = ?1 GROUP BY a.id""").setParameter(1, assignmentId).getSingleResult();
        return new GradingProgress(SqlValues.number(row[0]), SqlValues.number(row[1]), SqlValues.time(row[2]));
    }
}
