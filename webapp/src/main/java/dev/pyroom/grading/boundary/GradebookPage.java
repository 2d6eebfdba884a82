package dev.pyroom.grading.boundary;

import dev.pyroom.classroom.boundary.CourseAdministration;
import dev.pyroom.classroom.boundary.CourseNotFoundException;
import dev.pyroom.classroom.boundary.CourseView;
import dev.pyroom.classroom.boundary.PageReplies;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.entity.GradebookView;
import dev.pyroom.grading.entity.SnapshotGrade;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A course's gradebook: a row per student, a column per assignment, the class's pass rate of each test, re-grading
 * with its progress. View-scoped for the tables' sorting and the progress bars' polls.
 */
@Named
@ViewScoped
public class GradebookPage implements Serializable {

    @Inject
    Gradebook gradebook;

    @Inject
    CourseAdministration administration;

    @Inject
    CurrentUser currentUser;

    private long courseId;
    private CourseView course;
    private List<AssignmentGrading> assignments = List.of();
    private List<GradebookLine> lines = List.of();

    /** 404 when the caller does not teach the course. */
    public void open() throws IOException {
        try {
            course = administration.get(currentUser.id(), courseId);
            load();
        } catch (CourseNotFoundException e) {
            PageReplies.notFound();
        }
    }

    /** Asks for every snapshot of the assignment to be graded again with its tests as they are now. */
    public void regrade(long assignmentId) {
        try {
            gradebook.regrade(currentUser.id(), courseId, assignmentId);
            PageReplies.inform("Re-grading " + title(assignmentId) + ".");
        } catch (InvalidCourseException e) {
            PageReplies.refuse(e.getMessage());
        }
    }

    /** The share of the assignment's snapshots graded since grading was last asked for, for its progress bar. */
    public int percentGraded(long assignmentId) {
        return AssignmentGrading.percent(gradebook.progress(currentUser.id(), courseId, assignmentId));
    }

    /** Reads the grades again once a progress bar reached its end. */
    public void gradingDone() {
        load();
    }

    private void load() {
        GradebookView view = gradebook.gradebook(currentUser.id(), courseId);
        // Lists PrimeFaces may sort in place.
        lines = view.rows().stream()
                .map(row -> GradebookLine.of(row, view.assignments()))
                .collect(Collectors.toCollection(ArrayList::new));
        assignments = view.assignments().stream()
                .map(column -> new AssignmentGrading(
                        column.id(),
                        column.title(),
                        lastGradedAt(view, column.id()),
                        new ArrayList<>(view.passRates().getOrDefault(column.id(), List.of())),
                        gradebook.progress(currentUser.id(), courseId, column.id())))
                .toList();
    }

    private static OffsetDateTime lastGradedAt(GradebookView view, long assignmentId) {
        return view.rows().stream()
                .map(row -> row.grades().get(assignmentId))
                .filter(Objects::nonNull)
                .map(SnapshotGrade::gradedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private String title(long assignmentId) {
        return assignments.stream()
                .filter(assignment -> assignment.id() == assignmentId)
                .map(AssignmentGrading::title)
                .findFirst()
                .orElse("the assignment");
    }

    public long getCourseId() {
        return courseId;
    }

    public void setCourseId(long courseId) {
        this.courseId = courseId;
    }

    public CourseView getCourse() {
        return course;
    }

    public List<AssignmentGrading> getAssignments() {
        return assignments;
    }

    public List<GradebookLine> getLines() {
        return lines;
    }
}
