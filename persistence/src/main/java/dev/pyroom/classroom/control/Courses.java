package dev.pyroom.classroom.control;

import dev.pyroom.classroom.entity.Course;
import dev.pyroom.classroom.entity.CourseRole;
import dev.pyroom.classroom.entity.Member;
import dev.pyroom.platform.control.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Courses and who is in them. */
@Dependent
public class Courses {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public void add(Course course) {
        em.persist(course);
        em.flush();
    }

    public Optional<Course> find(long courseId) {
        return Optional.ofNullable(em.find(Course.class, courseId));
    }

    public Optional<Course> findByJoinCode(String code) {
        return em.createQuery("select c from Course c where c.joinCode = :code", Course.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    /** Courses the user is in with that role, newest first. */
    public List<Course> withMember(long userId, CourseRole role) {
        return em.createNativeQuery("""
                        SELECT c.* FROM course c JOIN course_member m ON m.course_id = c.id
                         WHERE m.user_id = ?1 AND m.role = ?2 ORDER BY c.created_at DESC, c.id DESC""", Course.class)
                .setParameter(1, userId)
                .setParameter(2, role.name())
                .getResultList();
    }

    public List<Course> all() {
        return em.createQuery("select c from Course c order by c.createdAt desc, c.id desc", Course.class)
                .getResultList();
    }

    public Optional<CourseRole> roleOf(long courseId, long userId) {
        return em.createNativeQuery("SELECT role FROM course_member WHERE course_id = ?1 AND user_id = ?2")
                .setParameter(1, courseId)
                .setParameter(2, userId)
                .getResultStream()
                .map(role -> CourseRole.valueOf((String) role))
                .findFirst();
    }

    /**
     * Puts the user in the course with that role. A member keeps the role they have: joining twice changes nothing.
     *
     * @return whether the user was not in the course before
     */
    public boolean addMember(long courseId, long userId, CourseRole role) {
        return em.createNativeQuery("""
                                INSERT INTO course_member (course_id, user_id, role, joined_at)
                                VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING""")
                        .setParameter(1, courseId)
                        .setParameter(2, userId)
                        .setParameter(3, role.name())
                        .executeUpdate()
                > 0;
    }

    public boolean removeMember(long courseId, long userId, CourseRole role) {
        return em.createNativeQuery("DELETE FROM course_member WHERE course_id = ?1 AND user_id = ?2 AND role = ?3")
                        .setParameter(1, courseId)
                        .setParameter(2, userId)
                        .setParameter(3, role.name())
                        .executeUpdate()
                > 0;
    }

    /** Instructors first, then students, each by name. */
    public List<Member> members(long courseId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT u.id, u.username, u.display_name, m.role
                          FROM course_member m JOIN app_user u ON u.id = m.user_id
                         WHERE m.course_id = ?1 ORDER BY m.role, lower(u.display_name), u.id""").setParameter(1, courseId).getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new Member(
                        SqlValues.number(row[0]), (String) row[1], (String) row[2], CourseRole.valueOf((String)
                                row[3])))
                .toList();
    }
}
