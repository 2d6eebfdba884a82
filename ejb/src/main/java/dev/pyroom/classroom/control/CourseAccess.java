package dev.pyroom.classroom.control;

import dev.pyroom.classroom.boundary.CourseNotFoundException;
import dev.pyroom.classroom.entity.Course;
import dev.pyroom.classroom.entity.CourseRole;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Who may act on a course: its instructors, and admins on every course. */
@Dependent
public class CourseAccess {

    @Inject
    Courses courses;

    @Inject
    Assignments assignments;

    /** @throws CourseNotFoundException when there is no such course or the caller does not teach it */
    public Course teachable(long callerId, boolean admin, long courseId) {
        Course course = courses.find(courseId).orElseThrow(() -> new CourseNotFoundException(courseId));
        if (admin || courses.roleOf(courseId, callerId).orElse(null) == CourseRole.INSTRUCTOR) {
            return course;
        }
        throw new CourseNotFoundException(courseId);
    }

    /**
     * An assignment of a course the caller teaches.
     *
     * @throws CourseNotFoundException when the caller does not teach the course or the assignment is not one of it
     */
    public Course teachableAssignment(long callerId, boolean admin, long courseId, long assignmentId) {
        Course course = teachable(callerId, admin, courseId);
        if (assignments.courseOf(assignmentId).filter(id -> id == courseId).isEmpty()) {
            throw new CourseNotFoundException(courseId);
        }
        return course;
    }

    /**
     * A student's workspace the caller may look into: a copy of an assignment of a course they teach.
     *
     * @throws CourseNotFoundException otherwise
     */
    public Course studentWorkspace(long callerId, boolean admin, long courseId, long workspaceId) {
        Course course = teachable(callerId, admin, courseId);
        if (assignments
                .courseOfWorkspace(workspaceId)
                .filter(id -> id == courseId)
                .isEmpty()) {
            throw new CourseNotFoundException(courseId);
        }
        return course;
    }
}
