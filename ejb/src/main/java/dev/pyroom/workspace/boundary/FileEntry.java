package dev.pyroom.workspace.boundary;

import dev.pyroom.workspace.entity.WorkspaceFile;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A folder or file as the editor's tree shows it. */
public record FileEntry(String path, boolean folder, int sizeBytes, OffsetDateTime updatedAt) implements Serializable {

    static FileEntry of(WorkspaceFile file) {
        return new FileEntry(
                file.getPath().value(),
                file.getKind() == WorkspaceFile.Kind.FOLDER,
                file.getSizeBytes(),
                file.getUpdatedAt());
    }

    /** The last part of the path: the name shown in the tree. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The folder holding it, or an empty string at the top of the workspace. */
    public String parent() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
