package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.AssignmentSummary;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.classroom.entity.SnapshotCopy;
import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.workspace.boundary.WorkspaceService;
import dev.pyroom.workspace.boundary.WorkspaceSummary;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** The assignments part of a course page: publishing one, and each one's copies and snapshots. */
@Named
@ViewScoped
public class AssignmentsPage implements Serializable {

    @Inject
    AssignmentPublishing publishing;

    @Inject
    WorkspaceService workspaces;

    @Inject
    CoursePage coursePage;

    @Inject
    CurrentUser currentUser;

    private String title;
    private LocalDateTime dueAt;
    private Long sourceWorkspaceId;
    private Long shownAssignmentId;

    public void publish() {
        if (sourceWorkspaceId == null) {
            PageReplies.refuse("Pick the workspace whose files the students get.");
            return;
        }
        try {
            PublishedAssignment published = publishing.publish(
                    currentUser.id(),
                    coursePage.getCourseId(),
                    title,
                    dueAt == null ? null : dueAt.atZone(ZoneId.systemDefault()).toOffsetDateTime(),
                    sourceWorkspaceId);
            PageReplies.inform("Published \"" + title.strip() + "\" to the class"
                    + (published.tests() == 0
                            ? "."
                            : " with " + published.tests() + (published.tests() == 1 ? " test" : " tests")
                                    + " from tests/, which the students do not get."));
            title = null;
            dueAt = null;
        } catch (InvalidCourseException e) {
            PageReplies.refuse(e.getMessage());
        }
    }

    public void show(AssignmentSummary assignment) {
        shownAssignmentId = assignment.id();
    }

    public List<AssignmentSummary> getAssignments() {
        return publishing.inCourse(currentUser.id(), coursePage.getCourseId());
    }

    public List<SnapshotCopy> getCopies() {
        return shownAssignmentId == null
                ? List.of()
                : publishing.copies(currentUser.id(), coursePage.getCourseId(), shownAssignmentId);
    }

    public List<WorkspaceSummary> getOwnWorkspaces() {
        return workspaces.list(currentUser.id());
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDateTime getDueAt() {
        return dueAt;
    }

    public void setDueAt(LocalDateTime dueAt) {
        this.dueAt = dueAt;
    }

    public Long getSourceWorkspaceId() {
        return sourceWorkspaceId;
    }

    public void setSourceWorkspaceId(Long sourceWorkspaceId) {
        this.sourceWorkspaceId = sourceWorkspaceId;
    }

    public Long getShownAssignmentId() {
        return shownAssignmentId;
    }
}
