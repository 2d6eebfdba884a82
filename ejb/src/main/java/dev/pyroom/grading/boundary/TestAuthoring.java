package dev.pyroom.grading.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.boundary.CourseNotFoundException;
import dev.pyroom.classroom.control.Assignments;
import dev.pyroom.classroom.control.CourseAccess;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.control.AssignmentTests;
import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.TestTotals;
import dev.pyroom.identity.control.UserRepository;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tests of the assignments of the caller's courses, as their instructors write them. */
@Stateless
@RolesAllowed({"instructor", "admin"})
public class TestAuthoring {

    public static final int MAX_TESTS = 100;

    @Inject
    AssignmentTests tests;

    @Inject
    Assignments assignments;

    @Inject
    CourseAccess access;

    @Inject
    UserRepository users;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    /** The assignment's tests, hidden ones included, in order. */
    public List<AssignmentTest> tests(long callerId, long courseId, long assignmentId) {
        requireInCourse(callerId, courseId, assignmentId);
        return tests.of(assignmentId);
    }

    /** The assignment's title, for the page its tests are written on. */
    public String assignmentTitle(long callerId, long courseId, long assignmentId) {
        requireInCourse(callerId, courseId, assignmentId);
        return assignments.title(assignmentId);
    }

    /** How many tests each assignment of the course has and their points; assignments without tests are absent. */
    public Map<Long, TestTotals> totals(long callerId, long courseId) {
        access.teachable(callerId, context.isCallerInRole("admin"), courseId);
        return tests.totalsInCourse(courseId);
    }

    /**
     * Replaces the assignment's tests.
     *
     * @throws InvalidCourseException when two tests share a name or there are too many
     */
    public void save(long callerId, long courseId, long assignmentId, List<AssignmentTest> newTests) {
        requireInCourse(callerId, courseId, assignmentId);
        if (newTests.size() > MAX_TESTS) {
            throw new InvalidCourseException("An assignment has at most " + MAX_TESTS + " tests.");
        }
        Set<String> names = new HashSet<>();
        for (AssignmentTest test : newTests) {
            if (!names.add(test.name())) {
                throw new InvalidCourseException(
                        "Two tests are named \"" + test.name() + "\": give each its own name.");
            }
        }
        tests.replace(assignmentId, newTests);
        audit.record(
                users.get(callerId),
                "assignment.tests",
                "assignment " + assignmentId,
                newTests.size() + " tests, "
                        + newTests.stream().mapToInt(AssignmentTest::points).sum() + " points");
    }

    private void requireInCourse(long callerId, long courseId, long assignmentId) {
        access.teachable(callerId, context.isCallerInRole("admin"), courseId);
        if (assignments.courseOf(assignmentId).filter(id -> id == courseId).isEmpty()) {
            throw new CourseNotFoundException(courseId);
        }
    }
}
