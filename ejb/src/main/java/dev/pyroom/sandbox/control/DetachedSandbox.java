package dev.pyroom.sandbox.control;

import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * A sandbox opened for one job, such as checking a student's files, and closed after it: no session holds it and no
 * reaper looks for it. Closing it also deletes its host folder.
 */
public final class DetachedSandbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DetachedSandbox.class.getName());

    private final Sandbox sandbox;
    private final Path folder;

    DetachedSandbox(Sandbox sandbox, Path folder) {
        this.sandbox = sandbox;
        this.folder = folder;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        sandbox.close();
        try {
            WorkspaceFolders.delete(folder);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not delete a sandbox folder: " + e.getMessage());
        }
    }
}
