package dev.pyroom.classroom.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.control.AssignmentHandOut;
import dev.pyroom.classroom.control.Assignments;
import dev.pyroom.classroom.control.CourseAccess;
import dev.pyroom.classroom.control.CourseRunLimits;
import dev.pyroom.classroom.control.Courses;
import dev.pyroom.classroom.entity.AssignmentSummary;
import dev.pyroom.classroom.entity.Course;
import dev.pyroom.classroom.entity.CourseRole;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.classroom.entity.Member;
import dev.pyroom.classroom.entity.NewAssignment;
import dev.pyroom.classroom.entity.SnapshotCopy;
import dev.pyroom.classroom.entity.StarterFile;
import dev.pyroom.grading.control.AssignmentTests;
import dev.pyroom.grading.control.TestFolder;
import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.workspace.control.FileRepository;
import dev.pyroom.workspace.control.WorkspaceRepository;
import dev.pyroom.workspace.entity.WorkspaceFile;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Assignments of the caller's courses: publishing starter files (and tests uploaded with them), the students' copies,
 * their snapshots.
 */
@Stateless
@RolesAllowed({"instructor", "admin"})
public class AssignmentPublishing {

    @Inject
    Assignments assignments;

    @Inject
    AssignmentHandOut handOut;

    @Inject
    Courses courses;

    @Inject
    CourseAccess access;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    UserRepository users;

    @Inject
    AuditTrail audit;

    @Inject
    FileRepository files;

    @Inject
    CourseRunLimits limits;

    @Inject
    AssignmentTests tests;

    @Resource
    SessionContext context;

    /**
     * Publishes the files of one of the caller's own workspaces as an assignment and gives every student of the
     * course a copy; students who join later get theirs when they join. The workspace's top-level {@code tests/}
     * folder holds the assignment's tests ({@link TestFolder}): it becomes the assignment's tests and is never copied
     * to a student.
     *
     * @param dueAt when the snapshot of every copy is taken, or null for none
     * @throws InvalidCourseException when the title is unusable, the workspace is not the caller's, or its tests
     *     folder holds anything malformed (then nothing is published)
     */
    public PublishedAssignment publish(
            long callerId, long courseId, String title, OffsetDateTime dueAt, long sourceWorkspaceId) {
        Course course = access.teachable(callerId, isAdmin(), courseId);
        NewAssignment assignment = new NewAssignment(title, dueAt);
        workspaces
                .findOwned(callerId, sourceWorkspaceId)
                .orElseThrow(() -> new InvalidCourseException("Pick one of your own workspaces."));
        List<AssignmentTest> uploadedTests = TestFolder.read(
                testFiles(sourceWorkspaceId), limits.forCourse(courseId).wallTime());
        long id = assignments.publish(courseId, assignment, sourceWorkspaceId);
        for (Member member : courses.members(courseId)) {
            if (member.role() == CourseRole.STUDENT) {
                handOut.handOut(id, member.userId());
            }
        }
        audit.record(
                users.get(callerId),
                "assignment.publish",
                CourseAdministration.course(course),
                assignment.title() + (dueAt == null ? "" : ", due " + dueAt));
        if (!uploadedTests.isEmpty()) {
            tests.replace(id, uploadedTests);
            audit.record(
                    users.get(callerId),
                    "assignment.tests",
                    "assignment " + id,
                    uploadedTests.size() + " tests, "
                            + uploadedTests.stream()
                                    .mapToInt(AssignmentTest::points)
                                    .sum() + " points, from "
                            + TestFolder.PREFIX);
        }
        return new PublishedAssignment(id, uploadedTests.size());
    }

    private Map<String, String> testFiles(long workspaceId) {
        return files.inWorkspace(workspaceId).stream()
                .filter(file -> file.getKind() == WorkspaceFile.Kind.FILE)
                .filter(file -> file.getPath().value().startsWith(TestFolder.PREFIX))
                .collect(Collectors.toMap(file -> file.getPath().value(), WorkspaceFile::getContent));
    }

    /** The course's assignments, newest first. */
    public List<AssignmentSummary> inCourse(long callerId, long courseId) {
        access.teachable(callerId, isAdmin(), courseId);
        return assignments.inCourse(courseId);
    }

    /** Every student's copy of the assignment, and whether its snapshot was taken. */
    public List<SnapshotCopy> copies(long callerId, long courseId, long assignmentId) {
        requireInCourse(callerId, courseId, assignmentId);
        return assignments.copies(assignmentId);
    }

    /** The files of a student's copy as they were at the due date. */
    public List<StarterFile> snapshot(long callerId, long courseId, long copyId) {
        long assignmentId =
                assignments.assignmentOfCopy(copyId).orElseThrow(() -> new CourseNotFoundException(courseId));
        requireInCourse(callerId, courseId, assignmentId);
        audit.record(users.get(callerId), "assignment.open-snapshot", "copy " + copyId, "");
        return assignments.snapshotFiles(copyId);
    }

    private void requireInCourse(long callerId, long courseId, long assignmentId) {
        access.teachableAssignment(callerId, isAdmin(), courseId, assignmentId);
    }

    private boolean isAdmin() {
        return context.isCallerInRole("admin");
    }
}
