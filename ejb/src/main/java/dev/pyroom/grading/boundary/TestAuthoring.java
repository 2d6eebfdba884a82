package dev.pyroom.grading.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.control.Assignments;
import dev.pyroom.classroom.control.CourseAccess;
import dev.pyroom.classroom.control.CourseRunLimits;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.control.AssignmentTests;
import dev.pyroom.grading.control.CheckAdmission;
import dev.pyroom.grading.control.Grader;
import dev.pyroom.grading.control.TestRules;
import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.CheckReport;
import dev.pyroom.grading.entity.TestTotals;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.workspace.control.FileRepository;
import dev.pyroom.workspace.control.WorkspaceRepository;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tests of the assignments of the caller's courses, as their instructors write them. */
@Stateless
@RolesAllowed({"instructor", "admin"})
public class TestAuthoring {

    public static final int MAX_ATTEMPTS = 1000;

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

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    FileRepository files;

    @Inject
    CheckAdmission admission;

    @Inject
    Grader grader;

    @Inject
    CourseRunLimits limits;

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
     * @throws InvalidCourseException when two tests share a name, there are too many, or a test's time limit is
     *     longer than a run may take in the course
     */
    public void save(long callerId, long courseId, long assignmentId, List<AssignmentTest> newTests) {
        requireInCourse(callerId, courseId, assignmentId);
        TestRules.requireValid(newTests, limits.forCourse(courseId).wallTime());
        tests.replace(assignmentId, newTests);
        audit.record(
                users.get(callerId),
                "assignment.tests",
                "assignment " + assignmentId,
                newTests.size() + " tests, "
                        + newTests.stream().mapToInt(AssignmentTest::points).sum() + " points");
    }

    /**
     * Replaces the assignment's tests and its limit of checks together: either both are stored or neither.
     *
     * @param maxAttempts null for no limit
     * @throws InvalidCourseException when two tests share a name, there are too many, a time limit is longer than the
     *     course allows, or the limit of checks is out of range
     */
    public void save(
            long callerId, long courseId, long assignmentId, List<AssignmentTest> newTests, Integer maxAttempts) {
        requireAttemptsInRange(maxAttempts);
        save(callerId, courseId, assignmentId, newTests);
        limitAttempts(callerId, courseId, assignmentId, maxAttempts);
    }

    /**
     * Limits how many checks that compiled each student may make of the assignment.
     *
     * @param maxAttempts null for no limit
     * @throws InvalidCourseException when the number is out of range
     */
    public void limitAttempts(long callerId, long courseId, long assignmentId, Integer maxAttempts) {
        requireInCourse(callerId, courseId, assignmentId);
        requireAttemptsInRange(maxAttempts);
        tests.limitAttempts(assignmentId, maxAttempts);
        audit.record(
                users.get(callerId),
                "assignment.attempts",
                "assignment " + assignmentId,
                maxAttempts == null ? "no limit" : maxAttempts + " checks");
    }

    /** How many checks each student may make of the assignment; empty when they are not limited. */
    public Optional<Integer> maxAttempts(long callerId, long courseId, long assignmentId) {
        requireInCourse(callerId, courseId, assignmentId);
        return tests.maxAttempts(assignmentId);
    }

    /**
     * Checks one of the caller's own workspaces, such as their reference solution, against the assignment's saved
     * tests, hidden ones in full: a test the reference fails is a test to fix before students meet it. Nothing is
     * stored.
     *
     * @throws InvalidCourseException when the workspace is not the caller's or the assignment has no tests
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CheckReport tryTests(long callerId, long courseId, long assignmentId, long referenceWorkspaceId) {
        requireInCourse(callerId, courseId, assignmentId);
        workspaces
                .findOwned(callerId, referenceWorkspaceId)
                .orElseThrow(() -> new InvalidCourseException("Pick one of your own workspaces."));
        List<AssignmentTest> saved = tests.of(assignmentId);
        if (saved.isEmpty()) {
            throw new InvalidCourseException("Save some tests first.");
        }
        try (CheckAdmission.Turn turn = admission.enter(referenceWorkspaceId)) {
            return grader.check(files.inWorkspace(referenceWorkspaceId), saved, limits.forCourse(courseId));
        }
    }

    private static void requireAttemptsInRange(Integer maxAttempts) {
        if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS)) {
            throw new InvalidCourseException(
                    "Students may be allowed 1 to " + MAX_ATTEMPTS + " checks, or any number.");
        }
    }

    private void requireInCourse(long callerId, long courseId, long assignmentId) {
        access.teachableAssignment(callerId, context.isCallerInRole("admin"), courseId, assignmentId);
    }
}
