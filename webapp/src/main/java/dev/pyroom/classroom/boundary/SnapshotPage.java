package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.StarterFile;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/** A student's files as they were at an assignment's due date, read-only. */
@Named
@RequestScoped
public class SnapshotPage {

    @Inject
    AssignmentPublishing publishing;

    @Inject
    CurrentUser currentUser;

    private long courseId;
    private long copyId;
    private List<StarterFile> files;

    /** 404 unless the caller teaches the course. */
    public void open() throws IOException {
        try {
            files = publishing.snapshot(currentUser.id(), courseId, copyId);
        } catch (CourseNotFoundException e) {
            PageReplies.notFound();
        }
    }

    public List<StarterFile> getFiles() {
        return files;
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
