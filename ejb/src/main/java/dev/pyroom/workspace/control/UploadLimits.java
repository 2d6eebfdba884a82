package dev.pyroom.workspace.control;

/**
 * How much one upload may bring into a workspace, on top of the workspace's own limits.
 *
 * @param maxUploadBytes the files as sent, archives still packed, all together
 * @param maxFiles files and folders it may add, archives' entries counted one by one
 * @param maxUnpackedBytes the bytes of every file it adds, archives unpacked
 */
public record UploadLimits(long maxUploadBytes, int maxFiles, long maxUnpackedBytes) {

    public UploadLimits {
        if (maxUploadBytes <= 0 || maxFiles <= 0 || maxUnpackedBytes <= 0) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
    }
}
