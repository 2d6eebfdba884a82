package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.StarterFile;
import dev.pyroom.grading.boundary.Gradebook;
import dev.pyroom.grading.entity.CheckReport;
import dev.pyroom.grading.entity.TestResult;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * A student's files as they were at an assignment's due date, read-only, and their grade test by test, hidden tests
 * in full (the page is the instructor's).
 */
@Named
@RequestScoped
public class SnapshotPage {

    @Inject
    AssignmentPublishing publishing;

    @Inject
    Gradebook gradebook;

    @Inject
    CurrentUser currentUser;

    private long courseId;
    private long copyId;
    private List<StarterFile> files;
    private List<TestResult> results = List.of();

    /** 404 unless the caller teaches the course. */
    public void open() throws IOException {
        try {
            files = publishing.snapshot(currentUser.id(), courseId, copyId);
            results = gradebook.snapshotResults(currentUser.id(), courseId, copyId);
        } catch (CourseNotFoundException e) {
            PageReplies.notFound();
        }
    }

    public List<StarterFile> getFiles() {
        return files;
    }

    public List<TestResult> getResults() {
        return results;
    }

    /** The grade the results add up to, or null while the snapshot has none. */
    public CheckReport getGrade() {
        return results.isEmpty() ? null : CheckReport.of(results);
    }

    /** How a test ended, in the instructor's words. */
    public String outcome(TestResult result) {
        return switch (result.outcome()) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case ERROR -> "error";
            case TIMEOUT -> "timed out";
            case NOT_COMPILED -> "did not compile";
            case CRASHED -> "grader failed";
        };
    }

    public long getCourseId() {
        return courseId;
    }

    public void setCourseId(long courseId) {
        this.courseId = courseId;
    }

    public long getCopyId() {
        return copyId;
    }

    public void setCopyId(long copyId) {
        this.copyId = copyId;
    }
}
