package dev.pyroom.classroom.control;

import dev.pyroom.classroom.entity.StudentActivity;
import dev.pyroom.platform.control.SqlValues;
import dev.pyroom.sandbox.entity.RunOutcome;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Every student of a course with what they are doing now, in one query: the live view asks every few seconds, so
 * its cost is one round trip however large the class.
 */
@Dependent
public class LiveClassQuery {

    /** A student whose editor reported within this many seconds counts as online. */
    static final int ONLINE_SECONDS = 45;

    private static final String QUERY = """
            WITH students AS (
                SELECT u.id, u.display_name, u.username
                  FROM course_member m JOIN app_user u ON u.id = m.user_id
                 WHERE m.course_id = ?1 AND m.role = 'STUDENT'),
            chosen AS (
                SELECT DISTINCT ON (c.student_id) c.student_id, c.workspace_id
                  FROM assignment_copy c
                  JOIN assignment a ON a.id = c.assignment_id AND a.course_id = ?1
                  JOIN workspace w ON w.id = c.workspace_id
                  LEFT JOIN presence p ON p.user_id = c.student_id
                 ORDER BY c.student_id, (p.workspace_id = c.workspace_id) DESC NULLS LAST, w.updated_at DESC,
                          c.workspace_id DESC)
            SELECT s.id, s.display_name, s.username, w.id, w.name,
                   coalesce(p.seen_at > now() - make_interval(secs => ?2), false),
                   coalesce(sb.state, 'NONE'),
                   greatest(p.seen_at, sb.last_activity_at, r.ended_at, fc.checked_at, w.updated_at),
                   r.ending, r.exit_code, r.error_name, r.entry_file,
                   coalesce(fc.errors, 0), fc.top_error, fc.top_symbol, fc.top_path,
                   sb.cpu_percent, sb.memory_bytes,
                   tc.outcome, tc.passed, tc.total,
                   CASE WHEN r.error_name IS NOT NULL THEN st.since WHEN fc.errors > 0 THEN fc.checked_at END,
                   hr.asked_at
              FROM students s
              LEFT JOIN chosen ch ON ch.student_id = s.id
              LEFT JOIN workspace w ON w.id = ch.workspace_id
              LEFT JOIN presence p ON p.user_id = s.id
              LEFT JOIN sandbox sb ON sb.workspace_id = w.id
              LEFT JOIN LATERAL (
                    SELECT ending, exit_code, error_name, entry_file, ended_at FROM run_outcome
                     WHERE workspace_id = w.id ORDER BY ended_at DESC, id DESC LIMIT 1) r ON true
              LEFT JOIN LATERAL (
                    SELECT sum(error_count) OVER () AS errors, top_error, top_symbol, path AS top_path,
                           max(checked_at) OVER () AS checked_at
                      FROM file_check WHERE workspace_id = w.id
                     ORDER BY error_count DESC, path LIMIT 1) fc ON true
              LEFT JOIN LATERAL (
                    SELECT min(o.ended_at) AS since FROM run_outcome o
                     WHERE o.workspace_id = w.id AND o.error_name = r.error_name
                       AND o.ended_at > coalesce(
                             (SELECT max(d.ended_at) FROM run_outcome d
                               WHERE d.workspace_id = w.id AND d.error_name IS DISTINCT FROM r.error_name),
                             '-infinity'::timestamptz)) st ON true
              LEFT JOIN help_request hr ON hr.course_id = ?1 AND hr.student_id = s.id AND hr.closed_at IS NULL
              LEFT JOIN LATERAL (
                    SELECT outcome, jsonb_array_length(results) AS total,
                           (SELECT count(*) FROM jsonb_array_elements(results) r
                             WHERE r ->> 'outcome' = 'PASSED') AS passed
                      FROM test_check WHERE workspace_id = w.id
                     ORDER BY checked_at DESC, id DESC LIMIT 1) tc ON true
             ORDER BY lower(s.display_name), s.id""";

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public List<StudentActivity> students(long courseId) {
        List<?> rows = em.createNativeQuery(QUERY)
                .setParameter(1, courseId)
                .setParameter(2, (double) ONLINE_SECONDS)
                .getResultList();
        return rows.stream().map(row -> toActivity((Object[]) row)).toList();
    }

    private static StudentActivity toActivity(Object[] row) {
        int errors = row[12] == null ? 0 : ((Number) row[12]).intValue();
        return new StudentActivity(
                SqlValues.number(row[0]),
                (String) row[1],
                (String) row[2],
                SqlValues.nullableNumber(row[3]),
                (String) row[4],
                Boolean.TRUE.equals(row[5]),
                (String) row[6],
                SqlValues.time(row[7]),
                row[8] == null
                        ? null
                        : RunOutcome.summary((String) row[8], ((Number) row[9]).intValue(), (String) row[10]),
                (String) row[11],
                errors,
                errors == 0 ? null : (String) row[13],
                errors == 0 ? null : (String) row[14],
                errors == 0 ? null : (String) row[15],
                row[16] == null ? null : ((Number) row[16]).intValue(),
                SqlValues.nullableNumber(row[17]),
                (String) row[18],
                row[19] == null ? 0 : ((Number) row[19]).intValue(),
                row[20] == null ? 0 : ((Number) row[20]).intValue(),
                SqlValues.time(row[21]),
                SqlValues.time(row[22]));
    }
}
