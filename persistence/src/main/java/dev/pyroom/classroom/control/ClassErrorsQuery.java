package dev.pyroom.classroom.control;

import dev.pyroom.classroom.entity.ClassError;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The errors the most students of a course met lately, in one query: exceptions that ended their runs, and the first
 * error lint found in the versions of files they saved, each student counted once per error.
 */
@Dependent
public class ClassErrorsQuery {

    private static final String QUERY = """
            WITH copies AS (
                SELECT c.student_id, c.workspace_id
                  FROM assignment_copy c
                  JOIN assignment a ON a.id = c.assignment_id AND a.course_id = ?1
                  JOIN course_member m ON m.course_id = ?1 AND m.user_id = c.student_id AND m.role = 'STUDENT'
                 WHERE c.workspace_id IS NOT NULL),
            met AS (
                SELECT 'RUN' AS kind, r.error_name AS name, cp.student_id
                  FROM run_outcome r JOIN copies cp ON cp.workspace_id = r.workspace_id
                 WHERE r.error_name IS NOT NULL AND r.ended_at > now() - make_interval(secs => ?2)
                UNION ALL
                SELECT 'LINT', v.top_symbol, cp.student_id
                  FROM file_version v JOIN copies cp ON cp.workspace_id = v.workspace_id
                 WHERE v.error_count > 0 AND v.top_symbol IS NOT NULL
                   AND v.saved_at > now() - make_interval(secs => ?2))
            SELECT kind, name, array_agg(DISTINCT student_id ORDER BY student_id)
              FROM met GROUP BY kind, name
             ORDER BY count(DISTINCT student_id) DESC, name, kind
             LIMIT ?3""";

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /** At most {@code limit} errors met within {@code window}, the most students first. */
    public List<ClassError> frequent(long courseId, Duration window, int limit) {
        List<?> rows = em.createNativeQuery(QUERY)
                .setParameter(1, courseId)
                .setParameter(2, (double) window.toSeconds())
                .setParameter(3, limit)
                .getResultList();
        return rows.stream().map(row -> toError((Object[]) row)).toList();
    }

    private static ClassError toError(Object[] row) {
        return new ClassError((String) row[0], (String) row[1], studentIds(row[2]));
    }

    private static List<Long> studentIds(Object array) {
        try {
            Object values = array instanceof java.sql.Array sql ? sql.getArray() : array;
            return Arrays.stream((Object[]) values)
                    .map(id -> ((Number) id).longValue())
                    .toList();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("PostgreSQL gave an unreadable array", e);
        }
    }
}
