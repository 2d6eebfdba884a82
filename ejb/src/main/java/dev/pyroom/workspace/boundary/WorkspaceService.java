package dev.pyroom.workspace.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.identity.entity.User;
import dev.pyroom.workspace.control.FileRepository;
import dev.pyroom.workspace.control.WorkspaceRepository;
import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.InvalidNameException;
import dev.pyroom.workspace.entity.Workspace;
import dev.pyroom.workspace.entity.WorkspaceFile;
import dev.pyroom.workspace.entity.WorkspaceName;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;

/** A user's own workspaces. Every method acts for {@code ownerId} alone and never reveals another user's. */
@Stateless
@RolesAllowed({"student", "instructor", "admin"})
public class WorkspaceService {

    static final FilePath STARTER_FILE = new FilePath("main.py");
    static final String STARTER_CONTENT = "print(\"Hello, Pyroom!\")\n";

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    UserRepository users;

    @Inject
    FileRepository files;

    @Inject
    AuditTrail audit;

    /** The owner's workspaces, sorted by name. */
    public List<WorkspaceSummary> list(long ownerId) {
        return workspaces.findByOwner(ownerId).stream()
                .map(WorkspaceSummary::of)
                .toList();
    }

    /** @throws WorkspaceNotFoundException when the owner has no such workspace */
    public WorkspaceSummary get(long ownerId, long workspaceId) {
        return WorkspaceSummary.of(owned(ownerId, workspaceId));
    }

    /**
     * Creates a workspace holding a starter {@code main.py}.
     *
     * @throws InvalidNameException when the name is unusable or the owner already has a workspace of that name
     */
    public WorkspaceSummary create(long ownerId, String name) {
        User owner = users.get(ownerId);
        WorkspaceName workspaceName = new WorkspaceName(name);
        refuseDuplicate(ownerId, workspaceName, -1);
        OffsetDateTime now = OffsetDateTime.now();
        Workspace workspace = new Workspace(owner, workspaceName, now);
        workspaces.save(workspace);
        workspaces.add(WorkspaceFile.file(workspace, STARTER_FILE, STARTER_CONTENT, now));
        audit.record(owner, "workspace.create", "workspace " + workspaceName, "");
        return WorkspaceSummary.of(workspace);
    }

    /**
     * @throws WorkspaceNotFoundException when the owner has no such workspace
     * @throws InvalidNameException when the new name is unusable or taken
     */
    public WorkspaceSummary rename(long ownerId, long workspaceId, String newName) {
        Workspace workspace = owned(ownerId, workspaceId);
        WorkspaceName workspaceName = new WorkspaceName(newName);
        refuseDuplicate(ownerId, workspaceName, workspaceId);
        String oldName = workspace.getName();
        workspace.rename(workspaceName, OffsetDateTime.now());
        workspaces.save(workspace);
        audit.record(workspace.getOwner(), "workspace.rename", "workspace " + oldName, "renamed to " + workspaceName);
        return WorkspaceSummary.of(workspace);
    }

    /**
     * Copies a workspace with all its folders and files under a free name: "name (copy)", else "name (copy 2)", ...
     *
     * @throws WorkspaceNotFoundException when the owner has no such workspace
     */
    public WorkspaceSummary duplicate(long ownerId, long workspaceId) {
        Workspace original = owned(ownerId, workspaceId);
        WorkspaceName name = freeCopyName(ownerId, original.getName());
        OffsetDateTime now = OffsetDateTime.now();
        Workspace copy = new Workspace(original.getOwner(), name, now);
        workspaces.save(copy);
        for (WorkspaceFile file : files.inWorkspace(workspaceId)) {
            workspaces.add(
                    file.getKind() == WorkspaceFile.Kind.FOLDER
                            ? WorkspaceFile.folder(copy, file.getPath(), now)
                            : WorkspaceFile.file(copy, file.getPath(), file.getContent(), now));
        }
        audit.record(
                original.getOwner(), "workspace.duplicate", "workspace " + original.getName(), "copied to " + name);
        return WorkspaceSummary.of(copy);
    }

    private WorkspaceName freeCopyName(long ownerId, String originalName) {
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? " (copy)" : " (copy " + n + ")";
            String base = originalName.substring(
                    0, Math.min(originalName.length(), WorkspaceName.MAX_LENGTH - suffix.length()));
            WorkspaceName candidate = new WorkspaceName(base.strip() + suffix);
            if (!workspaces.nameTaken(ownerId, candidate, -1)) {
                return candidate;
            }
        }
    }

    /** Deletes the workspace and all its files. */
    public void delete(long ownerId, long workspaceId) {
        Workspace workspace = owned(ownerId, workspaceId);
        audit.record(workspace.getOwner(), "workspace.delete", "workspace " + workspace.getName(), "");
        workspaces.remove(workspace);
    }

    private Workspace owned(long ownerId, long workspaceId) {
        return workspaces
                .findOwned(ownerId, workspaceId)
                .orElseThrow(() -> new WorkspaceNotFoundException(workspaceId));
    }

    private void refuseDuplicate(long ownerId, WorkspaceName name, long exceptId) {
        if (workspaces.nameTaken(ownerId, name, exceptId)) {
            throw new InvalidNameException("You already have a workspace called \"" + name + "\".");
        }
    }
}
