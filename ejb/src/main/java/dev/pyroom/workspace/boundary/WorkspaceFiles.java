package dev.pyroom.workspace.boundary;

import dev.pyroom.workspace.control.FileRepository;
import dev.pyroom.workspace.control.WorkspaceLimits;
import dev.pyroom.workspace.control.WorkspaceRepository;
import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.FileTooLargeException;
import dev.pyroom.workspace.entity.InvalidNameException;
import dev.pyroom.workspace.entity.Workspace;
import dev.pyroom.workspace.entity.WorkspaceFile;
import dev.pyroom.workspace.entity.WorkspaceUsage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The folders and files of a user's own workspace. A method returns only once its change is in the database. */
@Stateless
@RolesAllowed({"student", "instructor", "admin"})
public class WorkspaceFiles {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    FileRepository files;

    @Inject
    WorkspaceLimits limits;

    @Inject
    Event<WorkspaceFileChanged> changed;

    /** Every folder and file, parents before children. */
    public List<FileEntry> list(long ownerId, long workspaceId) {
        owned(ownerId, workspaceId);
        return files.inWorkspace(workspaceId).stream().map(FileEntry::of).toList();
    }

    /**
     * The saved Python files, by path: what a file of the workspace can import of its own (for completion).
     *
     * @throws WorkspaceNotFoundException when the workspace is not the user's
     */
    public Map<String, String> pythonSources(long ownerId, long workspaceId) {
        owned(ownerId, workspaceId);
        Map<String, String> sources = new TreeMap<>();
        for (WorkspaceFile file : files.inWorkspace(workspaceId)) {
            String path = file.getPath().value();
            if (file.getKind() == WorkspaceFile.Kind.FILE && path.endsWith(".py") && file.getContent() != null) {
                sources.put(path, file.getContent());
            }
        }
        return sources;
    }

    /** @throws FileNotFoundInWorkspaceException when there is no such file */
    public String read(long ownerId, long workspaceId, String path) {
        owned(ownerId, workspaceId);
        return file(workspaceId, new FilePath(path)).getContent();
    }

    /**
     * Writes a file, creating it and its folders if needed.
     *
     * @throws InvalidNameException when the path is unusable or a folder has that path
     * @throws FileTooLargeException when the content exceeds the size of a file
     * @throws WorkspaceFullException when the workspace would exceed its limits
     */
    public FileEntry save(long ownerId, long workspaceId, String path, String content) {
        Workspace workspace = owned(ownerId, workspaceId);
        FilePath filePath = new FilePath(path);
        OffsetDateTime now = OffsetDateTime.now();
        var existing = files.find(workspaceId, filePath);
        if (existing.isPresent()) {
            WorkspaceFile file = existing.get();
            if (file.getKind() == WorkspaceFile.Kind.FOLDER) {
                throw new InvalidNameException("There is a folder called " + filePath + ".");
            }
            refuseOverLimits(workspaceId, 0, bytes(content) - file.getSizeBytes());
            file.write(content, now);
            changed.fire(new WorkspaceFileChanged(workspaceId, filePath.value(), false, content));
            return FileEntry.of(file);
        }
        createParents(workspace, filePath, now);
        refuseOverLimits(workspaceId, 1, bytes(content));
        WorkspaceFile created = WorkspaceFile.file(workspace, filePath, content, now);
        files.add(created);
        changed.fire(new WorkspaceFileChanged(workspaceId, filePath.value(), false, content));
        return FileEntry.of(created);
    }

    /** Creates a folder and any missing folders above it. */
    public FileEntry createFolder(long ownerId, long workspaceId, String path) {
        Workspace workspace = owned(ownerId, workspaceId);
        FilePath folder = new FilePath(path);
        OffsetDateTime now = OffsetDateTime.now();
        createParents(workspace, folder, now);
        var existing = files.find(workspaceId, folder);
        if (existing.isPresent()) {
            throw new InvalidNameException("Something called " + folder + " exists already.");
        }
        refuseOverLimits(workspaceId, 1, 0);
        WorkspaceFile created = WorkspaceFile.folder(workspace, folder, now);
        files.add(created);
        changed.fire(new WorkspaceFileChanged(workspaceId, folder.value(), true, null));
        return FileEntry.of(created);
    }

    /** Deletes a file, or a folder with everything in it. */
    public void delete(long ownerId, long workspaceId, String path) {
        owned(ownerId, workspaceId);
        FilePath target = new FilePath(path);
        WorkspaceFile file = file(workspaceId, target);
        String prefix = target.value() + "/";
        files.inWorkspace(workspaceId).stream()
                .filter(other -> other.getPath().value().startsWith(prefix))
                .forEach(files::remove);
        files.remove(file);
        changed.fire(new WorkspaceFileChanged(workspaceId, target.value(), false, null));
    }

    private void createParents(Workspace workspace, FilePath path, OffsetDateTime now) {
        String value = path.value();
        for (int slash = value.indexOf('/'); slash > 0; slash = value.indexOf('/', slash + 1)) {
            FilePath parent = new FilePath(value.substring(0, slash));
            var existing = files.find(workspace.getId(), parent);
            if (existing.isEmpty()) {
                refuseOverLimits(workspace.getId(), 1, 0);
                files.add(WorkspaceFile.folder(workspace, parent, now));
                changed.fire(new WorkspaceFileChanged(workspace.getId(), parent.value(), true, null));
            } else if (existing.get().getKind() == WorkspaceFile.Kind.FILE) {
                throw new InvalidNameException(parent + " is a file, not a folder.");
            }
        }
    }

    private void refuseOverLimits(long workspaceId, int moreEntries, long moreBytes) {
        WorkspaceUsage usage = files.usage(workspaceId);
        if (usage.entries() + moreEntries > limits.maxEntries()) {
            throw new WorkspaceFullException(
                    "This workspace is full: it can hold at most " + limits.maxEntries() + " files and folders.");
        }
        if (usage.bytes() + moreBytes > limits.maxBytes()) {
            throw new WorkspaceFullException("This workspace is full: its files can hold at most "
                    + limits.maxBytes() / (1024 * 1024) + " MiB.");
        }
    }

    private WorkspaceFile file(long workspaceId, FilePath path) {
        return files.find(workspaceId, path).orElseThrow(() -> new FileNotFoundInWorkspaceException(path.value()));
    }

    private Workspace owned(long ownerId, long workspaceId) {
        return workspaces
                .findOwned(ownerId, workspaceId)
                .orElseThrow(() -> new WorkspaceNotFoundException(workspaceId));
    }

    private static int bytes(String content) {
        return content.getBytes(StandardCharsets.UTF_8).length;
    }
}
