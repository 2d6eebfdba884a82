package dev.pyroom.grading.boundary;

import dev.pyroom.classroom.boundary.CourseNotFoundException;
import dev.pyroom.classroom.boundary.PageReplies;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.workspace.boundary.WorkspaceService;
import dev.pyroom.workspace.boundary.WorkspaceSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * "Try the tests" on the tests page: the assignment's saved tests run against one of the instructor's own workspaces,
 * their reference solution. The result belongs to the moment it was asked for: the next change on the page drops it.
 */
@Named
@RequestScoped
public class ReferenceTryPage {

    @Inject
    TestAuthoring authoring;

    @Inject
    WorkspaceService workspaces;

    @Inject
    TestsPage testsPage;

    @Inject
    CurrentUser currentUser;

    private Long referenceWorkspaceId;
    private ReferenceTry result;

    public void tryTests() {
        if (referenceWorkspaceId == null) {
            PageReplies.refuse("Pick the workspace that holds your reference solution.");
            return;
        }
        try {
            boolean unsaved = testsPage.hasUnsavedTests();
            result = new ReferenceTry(
                    authoring.tryTests(
                            currentUser.id(),
                            testsPage.getCourseId(),
                            testsPage.getAssignmentId(),
                            referenceWorkspaceId),
                    unsaved);
        } catch (InvalidCourseException | CheckRefusedException e) {
            PageReplies.refuse(e.getMessage());
        } catch (CourseNotFoundException e) {
            PageReplies.refuse("You no longer teach this course.");
        }
    }

    public List<WorkspaceSummary> getOwnWorkspaces() {
        return workspaces.list(currentUser.id());
    }

    public ReferenceTry getResult() {
        return result;
    }

    public Long getReferenceWorkspaceId() {
        return referenceWorkspaceId;
    }

    public void setReferenceWorkspaceId(Long referenceWorkspaceId) {
        this.referenceWorkspaceId = referenceWorkspaceId;
    }
}
