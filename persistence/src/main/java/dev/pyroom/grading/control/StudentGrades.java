package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.CheckOutcome;
import dev.pyroom.grading.entity.StudentGrade;
import dev.pyroom.platform.control.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** A student's own grades, in the courses they still take. */
@Dependent
public class StudentGrades {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /** Every assignment with tests the student has a copy of, with its grade where there is one. */
    public List<StudentGrade> of(long studentId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT co.name, a.title, a.due_at, g.graded_at, g.outcome, coalesce(g.score, 0),
                               coalesce(g.max_score, 0)
                          FROM assignment_copy c JOIN assignment a ON a.id = c.assignment_id
                          JOIN course co ON co.id = a.course_id
                          JOIN course_member m ON m.course_id = a.course_id AND m.user_id = c.student_id
                                              AND m.role = 'STUDENT'
                          LEFT JOIN snapshot_grade g ON g.copy_id = c.id
                         WHERE c.student_id = ?1
                           AND (g.copy_id IS NOT NULL
                                OR EXISTS (SELECT 1 FROM assignment_test t WHERE t.assignment_id = a.id))
                         ORDER BY lower(co.name), co.id, a.published_at, a.id""").setParameter(1, studentId).getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new StudentGrade(
                        (String) row[0],
                        (String) row[1],
                        SqlValues.time(row[2]),
                        SqlValues.time(row[3]),
                        row[4] == null ? null : CheckOutcome.valueOf((String) row[4]),
                        ((Number) row[5]).intValue(),
                        ((Number) row[6]).intValue()))
                .toList();
    }
}
