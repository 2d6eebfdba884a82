package dev.pyroom.workspace.control;

import dev.pyroom.workspace.entity.FilePath;
import java.util.Objects;

/**
 * A folder or text file an upload brings, checked: a path inside the workspace and text content.
 *
 * @param content the file's text, or {@code null} for a folder
 */
public record UploadedEntry(FilePath path, String content) {

    public UploadedEntry {
        Objects.requireNonNull(path, "path");
    }

    public boolean isFolder() {
        return content == null;
    }
}
