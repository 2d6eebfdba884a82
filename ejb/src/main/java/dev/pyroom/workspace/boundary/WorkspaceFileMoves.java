package dev.pyroom.workspace.boundary;

import dev.pyroom.workspace.control.FileRepository;
import dev.pyroom.workspace.control.WorkspaceRepository;
import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.InvalidNameException;
import dev.pyroom.workspace.entity.WorkspaceFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;

/** Renames and moves files and folders inside a user's own workspace; a folder takes everything in it along. */
@Stateless
@RolesAllowed({"student", "instructor", "admin"})
public class WorkspaceFileMoves {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    FileRepository files;

    @Inject
    WorkspaceFiles workspaceFiles;

    @Inject
    Event<WorkspaceFileChanged> changed;

    /**
     * Gives a file or folder a new path, creating missing folders above it. Never replaces anything.
     *
     * @return the new path
     * @throws FileNotFoundInWorkspaceException when there is nothing at {@code from}
     * @throws InvalidNameException when {@code to} is unusable, taken, or inside the folder being moved
     */
    public String move(long ownerId, long workspaceId, String from, String to) {
        workspaces.findOwned(ownerId, workspaceId).orElseThrow(() -> new WorkspaceNotFoundException(workspaceId));
        FilePath source = new FilePath(from);
        FilePath target = new FilePath(to == null ? "" : to.strip());
        WorkspaceFile moved =
                files.find(workspaceId, source).orElseThrow(() -> new FileNotFoundInWorkspaceException(from));
        if (target.equals(source)) {
            throw new InvalidNameException("It is called " + target + " already.");
        }
        if (target.value().startsWith(source.value() + "/")) {
            throw new InvalidNameException("A folder cannot be moved into itself.");
        }
        List<WorkspaceFile> all = files.inWorkspace(workspaceId);
        if (all.stream().map(file -> file.getPath().value()).anyMatch(path -> taken(path, target))) {
            throw new InvalidNameException("Something called " + target + " exists already; nothing was moved.");
        }
        String parent = target.value().contains("/")
                ? target.value().substring(0, target.value().lastIndexOf('/'))
                : "";
        if (!parent.isEmpty()) {
            var folder = files.find(workspaceId, new FilePath(parent));
            if (folder.isEmpty()) {
                workspaceFiles.createFolder(ownerId, workspaceId, parent);
            } else if (folder.get().getKind() == WorkspaceFile.Kind.FILE) {
                throw new InvalidNameException(parent + " is a file, not a folder.");
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        String prefix = source.value() + "/";
        changed.fire(new WorkspaceFileChanged(workspaceId, source.value(), false, null));
        move(workspaceId, moved, target, now);
        all.stream()
                .filter(file -> file.getPath().value().startsWith(prefix))
                .forEach(file -> move(
                        workspaceId,
                        file,
                        new FilePath(
                                target.value() + "/" + file.getPath().value().substring(prefix.length())),
                        now));
        return target.value();
    }

    private void move(long workspaceId, WorkspaceFile file, FilePath target, OffsetDateTime now) {
        file.moveTo(target, now);
        boolean folder = file.getKind() == WorkspaceFile.Kind.FOLDER;
        changed.fire(new WorkspaceFileChanged(workspaceId, target.value(), folder, folder ? null : file.getContent()));
    }

    private static boolean taken(String path, FilePath target) {
        return path.equals(target.value()) || path.startsWith(target.value() + "/");
    }
}
