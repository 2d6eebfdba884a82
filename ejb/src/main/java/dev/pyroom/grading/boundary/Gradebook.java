package dev.pyroom.grading.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.boundary.CourseNotFoundException;
import dev.pyroom.classroom.control.Assignments;
import dev.pyroom.classroom.control.CourseAccess;
import dev.pyroom.classroom.entity.AssignmentSummary;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.control.AssignmentTests;
import dev.pyroom.grading.control.CheckJson;
import dev.pyroom.grading.control.GradebookCsv;
import dev.pyroom.grading.control.Gradebooks;
import dev.pyroom.grading.control.SnapshotGrades;
import dev.pyroom.grading.entity.GradebookView;
import dev.pyroom.grading.entity.GradesRequested;
import dev.pyroom.grading.entity.GradingProgress;
import dev.pyroom.grading.entity.SnapshotGrade;
import dev.pyroom.grading.entity.TestPassRate;
import dev.pyroom.grading.entity.TestResult;
import dev.pyroom.identity.control.UserRepository;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grades of a course's snapshots, for its instructors: the gradebook, its CSV, and re-grading. Every method checks
 * through {@link CourseAccess} that the caller teaches the course (admins: any) and that the assignment or copy belongs
 * to it; otherwise it throws {@link CourseNotFoundException}, as if the course did not exist.
 */
@Stateless
@RolesAllowed({"instructor", "admin"})
public class Gradebook {

    @Inject
    Gradebooks gradebooks;

    @Inject
    SnapshotGrades grades;

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
    Event<GradesRequested> gradesRequested;

    @Resource
    SessionContext context;

    /** Every student with a copy of an assignment of the course, and the grade of each copy's snapshot. */
    public GradebookView gradebook(long callerId, long courseId) {
        access.teachable(callerId, isAdmin(), courseId);
        Map<Long, GradebookView.AssignmentColumn> columns = new LinkedHashMap<>();
        List<AssignmentSummary> newestFirst = assignments.inCourse(courseId);
        for (int index = newestFirst.size() - 1; index >= 0; index--) {
            AssignmentSummary assignment = newestFirst.get(index);
            columns.put(assignment.id(), new GradebookView.AssignmentColumn(assignment.id(), assignment.title()));
        }
        Map<Long, GradebookView.StudentRow> rows = new LinkedHashMap<>();
        for (SnapshotGrade grade : gradebooks.grades(courseId)) {
            rows.computeIfAbsent(
                            grade.studentId(),
                            id -> new GradebookView.StudentRow(id, grade.studentName(), new LinkedHashMap<>()))
                    .grades()
                    .put(grade.assignmentId(), grade);
        }
        Map<Long, List<TestPassRate>> passRates = new LinkedHashMap<>();
        columns.keySet().forEach(id -> passRates.put(id, gradebooks.passRates(id)));
        return new GradebookView(List.copyOf(columns.values()), List.copyOf(rows.values()), passRates);
    }

    /** The gradebook as CSV, for a spreadsheet; the export is audited. */
    public String csv(long callerId, long courseId) {
        String csv = GradebookCsv.write(gradebook(callerId, courseId));
        audit.record(users.get(callerId), "gradebook.export", "course " + courseId, "");
        return csv;
    }

    /** The results of a student's graded snapshot, hidden tests in full. */
    public List<TestResult> snapshotResults(long callerId, long courseId, long copyId) {
        requireInCourse(
                callerId,
                courseId,
                assignments.assignmentOfCopy(copyId).orElseThrow(() -> new CourseNotFoundException(courseId)));
        return gradebooks.results(copyId).map(CheckJson::read).orElse(List.of());
    }

    /**
     * Grades every snapshot of the assignment again with its tests as they are now.
     *
     * @throws InvalidCourseException when the assignment has no tests or no snapshot yet
     */
    public void regrade(long callerId, long courseId, long assignmentId) {
        requireInCourse(callerId, courseId, assignmentId);
        if (tests.of(assignmentId).isEmpty()) {
            throw new InvalidCourseException("This assignment has no tests to grade with.");
        }
        if (grades.progress(assignmentId).snapshots() == 0) {
            throw new InvalidCourseException(
                    "There is nothing to grade yet: the due-date snapshot has not been taken.");
        }
        grades.request(assignmentId);
        gradesRequested.fire(new GradesRequested(assignmentId));
        audit.record(users.get(callerId), "assignment.regrade", "assignment " + assignmentId, "");
    }

    /** How many of the assignment's snapshots have been graded since grading was last asked for. */
    public GradingProgress progress(long callerId, long courseId, long assignmentId) {
        requireInCourse(callerId, courseId, assignmentId);
        return grades.progress(assignmentId);
    }

    private void requireInCourse(long callerId, long courseId, long assignmentId) {
        access.teachableAssignment(callerId, isAdmin(), courseId, assignmentId);
    }

    private boolean isAdmin() {
        return context.isCallerInRole("admin");
    }
}
