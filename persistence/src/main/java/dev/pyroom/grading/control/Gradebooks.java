package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.CheckOutcome;
import dev.pyroom.grading.entity.SnapshotGrade;
import dev.pyroom.grading.entity.TestPassRate;
import dev.pyroom.platform.control.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The grades of a course's snapshots, read for its gradebook. */
@Dependent
public class Gradebooks {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /** Every copy of every assignment of the course, with its grade where it has one, by student then assignment. */
    public List<SnapshotGrade> grades(long courseId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT a.id, c.id, u.id, u.display_name, c.snapshot_at, g.graded_at, g.outcome,
                               coalesce(g.score, 0), coalesce(g.max_score, 0)
                          FROM assignment a JOIN assignment_copy c ON c.assignment_id = a.id
                          JOIN app_user u ON u.id = c.student_id
                          LEFT JOIN snapshot_grade g ON g.copy_id = c.id
                         WHERE a.course_id = ?1
                         ORDER BY lower(u.display_name), u.id, a.published_at, a.id""").setParameter(1, courseId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(Gradebooks::grade).toList();
    }

    /** For each test of the assignment's graded snapshots, how many passed it; the least passed first. */
    public List<TestPassRate> passRates(long assignmentId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT (r ->> 'testId')::bigint, r ->> 'name',
                               count(*) FILTER (WHERE r ->> 'outcome' = 'PASSED'), count(*)
                          FROM snapshot_grade g JOIN assignment_copy c ON c.id = g.copy_id,
                               jsonb_array_elements(g.results) r
                         WHERE c.assignment_id = ?1
                         GROUP BY 1, 2
                         ORDER BY count(*) FILTER (WHERE r ->> 'outcome' = 'PASSED')::float / count(*), 2""").setParameter(1, assignmentId).getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new TestPassRate(
                        SqlValues.number(row[0]), (String) row[1], SqlValues.number(row[2]), SqlValues.number(row[3])))
                .toList();
    }

    /** The results of a snapshot's grade as JSON, with hidden tests in full: for its instructors only. */
    public Optional<String> results(long copyId) {
        return em.createNativeQuery("SELECT results::text FROM snapshot_grade WHERE copy_id = ?1")
                .setParameter(1, copyId)
                .getResultStream()
                .map(String.class::cast)
                .findFirst();
    }

    private static SnapshotGrade grade(Object[] row) {
        return new SnapshotGrade(
                SqlValues.number(row[0]),
                SqlValues.number(row[1]),
                SqlValues.number(row[2]),
                (String) row[3],
                SqlValues.time(row[4]),
                SqlValues.time(row[5]),
                row[6] == null ? null : CheckOutcome.valueOf((String) row[6]),
                ((Number) row[7]).intValue(),
                ((Number) row[8]).intValue());
    }
}
