package dev.pyroom.classroom.control;

import dev.pyroom.classroom.entity.CourseMessage;
import dev.pyroom.platform.control.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Messages instructors post to their courses. */
@Dependent
public class CourseMessages {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public void post(long courseId, String author, String body) {
        em.createNativeQuery(
                        "INSERT INTO course_message (course_id, author, body, posted_at) VALUES (?1, ?2, ?3, now())")
                .setParameter(1, courseId)
                .setParameter(2, author)
                .setParameter(3, body)
                .executeUpdate();
    }

    /** The latest messages of every course the student is in, newest first. */
    public List<CourseMessage> forStudent(long studentId, int limit) {
        List<?> rows = em.createNativeQuery("""
                        SELECT msg.id, c.name, msg.author, msg.body, msg.posted_at
                          FROM course_message msg
                          JOIN course c ON c.id = msg.course_id
                          JOIN course_member m ON m.course_id = msg.course_id AND m.user_id = ?1
                         ORDER BY msg.posted_at DESC, msg.id DESC LIMIT ?2""")
                .setParameter(1, studentId)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new CourseMessage(
                        SqlValues.number(row[0]),
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        SqlValues.time(row[4])))
                .toList();
    }
}
