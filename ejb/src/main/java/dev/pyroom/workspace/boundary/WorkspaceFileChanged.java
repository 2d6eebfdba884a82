package dev.pyroom.workspace.boundary;

/**
 * A user changed a workspace's file through Pyroom; fired inside the transaction that stores it.
 *
 * @param content the file's new text; {@code null} when the file or folder was deleted
 */
public record WorkspaceFileChanged(long workspaceId, String path, boolean folder, String content) {

    public boolean isDeletion() {
        return content == null && !folder;
    }
}
