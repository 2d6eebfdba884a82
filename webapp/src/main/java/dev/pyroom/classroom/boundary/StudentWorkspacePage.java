package dev.pyroom.classroom.boundary;

import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/** A student's code, read-only and refreshed live, with their last run and the instructor's ways to step in. */
@Named
@ViewScoped
public class StudentWorkspacePage implements Serializable {

    @Inject
    LiveClass liveClass;

    @Inject
    CurrentUser currentUser;

    private long courseId;
    private long workspaceId;
    private transient StudentWorkspace workspace;

    /** 404 unless the caller teaches the course the workspace was handed out in. */
    public void open() throws IOException {
        try {
            liveClass.opened(currentUser.id(), courseId, workspaceId);
            workspace = liveClass.look(currentUser.id(), courseId, workspaceId);
        } catch (CourseNotFoundException e) {
            PageReplies.notFound();
        }
    }

    public void stopRun() {
        boolean stopped = liveClass.stopRun(currentUser.id(), courseId, workspaceId);
        PageReplies.inform(stopped ? "Stopping the student's program." : "They have no sandbox now.");
    }

    public void endSandbox() {
        boolean ended = liveClass.endSandbox(currentUser.id(), courseId, workspaceId);
        PageReplies.inform(
                ended ? "Ending the sandbox; their next run starts a fresh one." : "They have no sandbox now.");
    }

    public StudentWorkspace getWorkspace() {
        if (workspace == null) {
            workspace = liveClass.look(currentUser.id(), courseId, workspaceId);
        }
        return workspace;
    }

    /** Called by the page's poll: the next render reads the workspace afresh. */
    public void refresh() {
        workspace = null;
    }

    public long getCourseId() {
        return courseId;
    }

    public void setCourseId(long courseId) {
        this.courseId = courseId;
    }

    public long getWorkspaceId() {
        return workspaceId;
    }

    public void setWorkspaceId(long workspaceId) {
        this.workspaceId = workspaceId;
    }
}
