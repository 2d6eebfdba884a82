package dev.pyroom.classroom.control;

import dev.pyroom.classroom.entity.StarterFile;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.identity.entity.User;
import dev.pyroom.workspace.control.WorkspaceRepository;
import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.Workspace;
import dev.pyroom.workspace.entity.WorkspaceFile;
import dev.pyroom.workspace.entity.WorkspaceName;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/** Gives students their own workspace holding an assignment's starter files. */
@Dependent
public class AssignmentHandOut {

    @Inject
    Assignments assignments;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    UserRepository users;

    /** Hands every assignment of the course the student has no copy of yet to them: late joiners catch up. */
    public void catchUp(long courseId, long studentId) {
        for (long assignmentId : assignments.withoutCopyFor(courseId, studentId)) {
            handOut(assignmentId, studentId);
        }
    }

    /** A new workspace named after the assignment ("Loops", "Loops (2)" when the student has a "Loops"). */
    public void handOut(long assignmentId, long studentId) {
        User student = users.get(studentId);
        String title = assignments.title(assignmentId);
        OffsetDateTime now = OffsetDateTime.now();
        Workspace workspace = new Workspace(student, freeName(studentId, title), now);
        workspaces.save(workspace);
        for (StarterFile file : assignments.starterFiles(assignmentId)) {
            FilePath path = new FilePath(file.path());
            workspaces.add(
                    file.folder()
                            ? WorkspaceFile.folder(workspace, path, now)
                            : WorkspaceFile.file(workspace, path, file.content(), now));
        }
        assignments.recordCopy(assignmentId, studentId, workspace.getId());
    }

    private WorkspaceName freeName(long studentId, String title) {
        WorkspaceName name = new WorkspaceName(title);
        for (int n = 2; workspaces.nameTaken(studentId, name, -1); n++) {
            String suffix = " (" + n + ")";
            name = new WorkspaceName(title.substring(0, Math.min(title.length(), 60 - suffix.length())) + suffix);
        }
        return name;
    }
}
