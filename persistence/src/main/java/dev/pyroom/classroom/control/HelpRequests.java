package dev.pyroom.classroom.control;

import dev.pyroom.classroom.entity.HelpRequest;
import dev.pyroom.classroom.entity.NewHelpRequest;
import dev.pyroom.classroom.entity.QueuePlace;
import dev.pyroom.platform.control.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Courses' help queues. Only requests of students still in the course count: a student who left takes their place
 * in line with them. Every change names the course, so a request id alone reaches nothing.
 */
@Dependent
public class HelpRequests {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /**
     * Opens the request unless the student has an open one in the course already (the partial unique index decides,
     * whichever node asks).
     *
     * @return the new request's id, or empty when one was open
     */
    public Optional<Long> ask(NewHelpRequest request) {
        return em.createNativeQuery("""
                        INSERT INTO help_request (course_id, student_id, workspace_id, file_path, note, run_summary,
                                                  error_name, error_message, output_tail, asked_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now())
                        ON CONFLICT (course_id, student_id) WHERE closed_at IS NULL DO NOTHING
                        RETURNING id""")
                .setParameter(1, request.courseId())
                .setParameter(2, request.studentId())
                .setParameter(3, request.workspaceId())
                .setParameter(4, request.file())
                .setParameter(5, request.note())
                .setParameter(6, request.runSummary())
                .setParameter(7, request.errorName())
                .setParameter(8, request.errorMessage())
                .setParameter(9, request.outputTail())
                .getResultStream()
                .map(SqlValues::number)
                .findFirst();
    }

    /** The student's open request in the course and its place among the open ones, asked first first. */
    public Optional<QueuePlace> placeOf(long courseId, long studentId) {
        return em.createNativeQuery("""
                        SELECT r.id,
                               (SELECT count(*) FROM help_request q
                                  JOIN course_member m
                                    ON m.course_id = q.course_id AND m.user_id = q.student_id AND m.role = 'STUDENT'
                                 WHERE q.course_id = r.course_id AND q.closed_at IS NULL
                                       AND (q.asked_at, q.id) <= (r.asked_at, r.id)),
                               a.display_name
                          FROM help_request r LEFT JOIN app_user a ON a.id = r.answerer_id
                         WHERE r.course_id = ?1 AND r.student_id = ?2 AND r.closed_at IS NULL""")
                .setParameter(1, courseId)
                .setParameter(2, studentId)
                .getResultStream()
                .map(row -> toPlace((Object[]) row))
                .findFirst();
    }

    /** The course's open requests in the order they were asked. */
    public List<HelpRequest> open(long courseId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT r.id, r.student_id, s.display_name, r.workspace_id, r.file_path, r.note, r.run_summary,
                               r.error_name, r.error_message, r.output_tail, r.asked_at, a.display_name
                          FROM help_request r
                          JOIN course_member m
                            ON m.course_id = r.course_id AND m.user_id = r.student_id AND m.role = 'STUDENT'
                          JOIN app_user s ON s.id = r.student_id
                          LEFT JOIN app_user a ON a.id = r.answerer_id
                         WHERE r.course_id = ?1 AND r.closed_at IS NULL
                         ORDER BY r.asked_at, r.id""").setParameter(1, courseId).getResultList();
        return rows.stream().map(row -> toRequest((Object[]) row)).toList();
    }

    /** @return whether the request is open in that course, and so now answered by the instructor */
    public boolean answer(long courseId, long requestId, long answererId) {
        return em.createNativeQuery("""
                                UPDATE help_request SET answerer_id = ?3, answered_at = now()
                                 WHERE course_id = ?1 AND id = ?2 AND closed_at IS NULL""")
                        .setParameter(1, courseId)
                        .setParameter(2, requestId)
                        .setParameter(3, answererId)
                        .executeUpdate()
                == 1;
    }

    /** @return whether the request was open in that course, and so is now done */
    public boolean done(long courseId, long requestId) {
        return em.createNativeQuery("""
                                UPDATE help_request SET closed_at = now(), closing = 'DONE'
                                 WHERE course_id = ?1 AND id = ?2 AND closed_at IS NULL""")
                        .setParameter(1, courseId)
                        .setParameter(2, requestId)
                        .executeUpdate()
                == 1;
    }

    /** @return the id of the student's open request in the course, now cancelled, or empty when none was open */
    public Optional<Long> cancel(long courseId, long studentId) {
        return em.createNativeQuery("""
                        UPDATE help_request SET closed_at = now(), closing = 'CANCELLED'
                         WHERE course_id = ?1 AND student_id = ?2 AND closed_at IS NULL
                        RETURNING id""")
                .setParameter(1, courseId)
                .setParameter(2, studentId)
                .getResultStream()
                .map(SqlValues::number)
                .findFirst();
    }

    private static QueuePlace toPlace(Object[] row) {
        return new QueuePlace(SqlValues.number(row[0]), (int) SqlValues.number(row[1]), (String) row[2]);
    }

    private static HelpRequest toRequest(Object[] row) {
        return new HelpRequest(
                SqlValues.number(row[0]),
                SqlValues.number(row[1]),
                (String) row[2],
                SqlValues.nullableNumber(row[3]),
                (String) row[4],
                (String) row[5],
                (String) row[6],
                (String) row[7],
                (String) row[8],
                (String) row[9],
                SqlValues.time(row[10]),
                (String) row[11]);
    }
}
