package dev.pyroom.sandbox.control;

import dev.pyroom.workspace.control.FileChange;
import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.WorkspaceFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The agent's file requests, and the changes it reports, as bytes. */
final class AgentFiles {

    /** Changes one collect reports at most: twice what a workspace may hold by default. */
    static final int MAX_CHANGES = 1000;

    /** Entries one collect walks at most, changed or not, so that a crowded workspace cannot stall the agent. */
    static final int MAX_ENTRIES = 10_000;

    /** Content one collect carries at most, above what a whole workspace may hold. */
    static final long MAX_BATCH_BYTES = 24L << 20;

    /**
     * Stands for the content of a file too large to carry; only its length, one past what a workspace file may hold,
     * matters to {@code WorkspaceSync}. Shared, so a workspace full of large files costs the host nothing.
     */
    private static final byte[] TOO_LARGE = new byte[WorkspaceFile.MAX_SIZE_BYTES + 1];

    private static final byte FILE = 'f';
    private static final byte FOLDER = 'd';
    private static final byte DELETED = 'x';
    private static final byte TOO_LARGE_FILE = 'L';

    private AgentFiles() {}

    static byte[] collectRequest() {
        return (WorkspaceFile.MAX_SIZE_BYTES + " " + MAX_CHANGES + " " + MAX_ENTRIES + " " + MAX_BATCH_BYTES)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A checked workspace path; the agent refuses anything else too, but should never have to. */
    static byte[] path(String path) {
        return new FilePath(path).value().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] putRequest(String path, byte[] content) {
        if (content.length > WorkspaceFile.MAX_SIZE_BYTES) {
            throw new IllegalArgumentException(
                    "a workspace file holds at most " + WorkspaceFile.MAX_SIZE_BYTES + " bytes: " + content.length);
        }
        byte[] name = path(path);
        return ByteBuffer.allocate(name.length + 1 + content.length)
                .put(name)
                .put((byte) 0)
                .put(content)
                .array();
    }

    /** A change as the agent reports it: a kind byte, the path, NUL, the content. */
    static FileChange change(byte[] payload) {
        int end = 1;
        while (end < payload.length && payload[end] != 0) {
            end++;
        }
        if (payload.length == 0 || end == payload.length) {
            throw new IllegalStateException("malformed change from sandbox agent");
        }
        String path = new String(payload, 1, end - 1, StandardCharsets.UTF_8);
        return switch (payload[0]) {
            case FILE -> FileChange.written(path, Arrays.copyOfRange(payload, end + 1, payload.length));
            case TOO_LARGE_FILE -> FileChange.written(path, TOO_LARGE);
            case FOLDER -> FileChange.folderCreated(path);
            case DELETED -> FileChange.deleted(path);
            default -> throw new IllegalStateException("unknown change from sandbox agent: " + payload[0]);
        };
    }
}
