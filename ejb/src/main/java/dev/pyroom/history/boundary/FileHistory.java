package dev.pyroom.history.boundary;

import dev.pyroom.classroom.control.CourseAccess;
import dev.pyroom.history.control.FileVersions;
import dev.pyroom.history.entity.FileVersion;
import dev.pyroom.history.entity.VersionText;
import dev.pyroom.workspace.boundary.FileEntry;
import dev.pyroom.workspace.boundary.WorkspaceFiles;
import dev.pyroom.workspace.boundary.WorkspaceNotFoundException;
import dev.pyroom.workspace.control.WorkspaceRepository;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The saved versions of a workspace's files: for its owner, who may bring one back, and read-only for the instructors
 * of the course the workspace was handed out in.
 */
@Stateless
@RolesAllowed({"student", "instructor", "admin"})
public class FileHistory {

    @Inject
    FileVersions versions;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    WorkspaceFiles files;

    @Inject
    CourseAccess access;

    @Resource
    SessionContext context;

    /** Whose workspace, and who asks: its owner, or an instructor of the course it belongs to. */
    public record Viewer(long callerId, Long courseId) {

        public static Viewer owner(long callerId) {
            return new Viewer(callerId, null);
        }

        public static Viewer instructor(long callerId, long courseId) {
            return new Viewer(callerId, courseId);
        }
    }

    /**
     * @throws WorkspaceNotFoundException when the viewer may not see the workspace
     * @throws dev.pyroom.classroom.boundary.CourseNotFoundException when an instructor does not teach its course
     */
    public List<String> paths(Viewer viewer, long workspaceId) {
        allowed(viewer, workspaceId);
        return versions.paths(workspaceId);
    }

    /** The file's versions, oldest first. */
    public List<FileVersion> timeline(Viewer viewer, long workspaceId, String path) {
        allowed(viewer, workspaceId);
        return versions.timeline(workspaceId, path);
    }

    /** @throws VersionNotFoundException when the workspace has no such version */
    public VersionText text(Viewer viewer, long workspaceId, long versionId) {
        allowed(viewer, workspaceId);
        return versions.text(workspaceId, versionId).orElseThrow(VersionNotFoundException::new);
    }

    /**
     * Saves a version's text as the file's current text, which makes it the newest version. Only the owner may.
     *
     * @throws VersionNotFoundException when the workspace has no such version
     */
    public FileEntry restore(long ownerId, long workspaceId, long versionId) {
        VersionText version = text(Viewer.owner(ownerId), workspaceId, versionId);
        return files.save(ownerId, workspaceId, version.path(), version.content());
    }

    private void allowed(Viewer viewer, long workspaceId) {
        if (viewer.courseId() == null) {
            workspaces
                    .findOwned(viewer.callerId(), workspaceId)
                    .orElseThrow(() -> new WorkspaceNotFoundException(workspaceId));
        } else {
            access.studentWorkspace(viewer.callerId(), context.isCallerInRole("admin"), viewer.courseId(), workspaceId);
        }
    }
}
