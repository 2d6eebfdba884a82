package dev.pyroom.classroom.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.control.CourseAccess;
import dev.pyroom.classroom.control.CourseLimitsRepository;
import dev.pyroom.classroom.control.CourseRunLimits;
import dev.pyroom.classroom.entity.Course;
import dev.pyroom.classroom.entity.CourseLimits;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.sandbox.entity.RunLimits;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The sandbox limits of a course's runs, which its instructors may lower below the server's. */
@Stateless
@RolesAllowed({"instructor", "admin"})
public class CourseSandboxLimits {

    @Inject
    CourseAccess access;

    @Inject
    CourseLimitsRepository limits;

    @Inject
    CourseRunLimits runLimits;

    @Inject
    UserRepository users;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    /** The limits the course set; null fields keep the server's. */
    public CourseLimits get(long callerId, long courseId) {
        access.teachable(callerId, context.isCallerInRole("admin"), courseId);
        return limits.find(courseId);
    }

    /** The server's limits: the most a course may set. */
    public RunLimits serverLimits() {
        return runLimits.server();
    }

    /**
     * Sets the course's limits; runs started from now on get them.
     *
     * @throws InvalidCourseException when a limit is not above zero or above the server's
     */
    public void set(long callerId, long courseId, CourseLimits courseLimits) {
        Course course = access.teachable(callerId, context.isCallerInRole("admin"), courseId);
        runLimits.requireWithinServer(courseLimits);
        limits.save(courseId, courseLimits);
        audit.record(
                users.get(callerId), "course.limits", CourseAdministration.course(course), courseLimits.toString());
    }
}
