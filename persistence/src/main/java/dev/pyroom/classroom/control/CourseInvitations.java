package dev.pyroom.classroom.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Students put on a course's roster before their first sign-in, by their identity provider subject. */
@Dependent
public class CourseInvitations {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /** @return whether the person was not invited to the course before */
    public boolean invite(long courseId, String subject, String username, long invitedBy) {
        return em.createNativeQuery("""
                                INSERT INTO course_invitation (course_id, subject, username, invited_by)
                                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                        .setParameter(1, courseId)
                        .setParameter(2, subject)
                        .setParameter(3, username)
                        .setParameter(4, invitedBy)
                        .executeUpdate()
                > 0;
    }

    public boolean isInvited(long courseId, String subject) {
        return !em.createNativeQuery("SELECT 1 FROM course_invitation WHERE course_id = ?1 AND subject = ?2")
                .setParameter(1, courseId)
                .setParameter(2, subject)
                .getResultList()
                .isEmpty();
    }

    /** Takes the person's invitations: the ids of the courses they were invited to, each returned once. */
    @SuppressWarnings("unchecked")
    public List<Long> take(String subject) {
        List<Number> courses = em.createNativeQuery(
                        "DELETE FROM course_invitation WHERE subject = ?1 RETURNING course_id")
                .setParameter(1, subject)
                .getResultList();
        return courses.stream().map(Number::longValue).toList();
    }
}
