package dev.pyroom.workspace.control;

import java.util.Objects;

/**
 * What a sandbox reports about one of its files, as raw bytes: a path and new content, or a deletion. Nothing here is
 * trusted yet; {@link WorkspaceSync} checks it.
 *
 * @param content the file's bytes, or {@code null} when the file or folder was deleted
 */
public record FileChange(String path, boolean folder, byte[] content) {

    public FileChange {
        Objects.requireNonNull(path, "path");
    }

    public static FileChange written(String path, byte[] content) {
        return new FileChange(path, false, Objects.requireNonNull(content, "content"));
    }

    public static FileChange folderCreated(String path) {
        return new FileChange(path, true, new byte[0]);
    }

    public static FileChange deleted(String path) {
        return new FileChange(path, false, null);
    }

    public boolean isDeletion() {
        return content == null;
    }
}
