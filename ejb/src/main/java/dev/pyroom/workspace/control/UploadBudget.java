package dev.pyroom.workspace.control;

import dev.pyroom.workspace.entity.WorkspaceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what an upload adds while it is read and refuses it the moment it passes a limit. Bytes are counted as they
 * are actually read: sizes an archive declares in its headers are never trusted.
 */
final class UploadBudget {

    private static final int BUFFER_BYTES = 8192;

    private final UploadLimits limits;
    private int entries;
    private long bytes;

    UploadBudget(UploadLimits limits) {
        this.limits = limits;
    }

    void addEntry() {
        entries++;
        if (entries > limits.maxFiles()) {
            throw new UploadRefusedException(
                    "An upload can add at most " + limits.maxFiles() + " files and folders; this one has more.");
        }
    }

    /** Reads a file to its end, holding at most a little more than a single file may have. */
    byte[] read(InputStream in, String shownName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER_BYTES];
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            count(out.size() + (long) n, n, shownName);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Counts a file that is already in memory. */
    void count(byte[] content, String shownName) {
        count(content.length, content.length, shownName);
    }

    private void count(long fileBytesSoFar, int more, String shownName) {
        if (fileBytesSoFar > WorkspaceFile.MAX_SIZE_BYTES) {
            throw new UploadRefusedException(shownName + " is larger than " + WorkspaceFile.MAX_SIZE_BYTES / 1024
                    + " KiB, the most a file can hold.");
        }
        bytes += more;
        if (bytes > limits.maxUnpackedBytes()) {
            throw new UploadRefusedException("Unpacked, this upload holds more than "
                    + UploadReader.mebibytes(limits.maxUnpackedBytes()) + ", the most an upload may add.");
        }
    }
}
