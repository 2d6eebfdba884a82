package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** One workspace's sandbox on this node, with the host folder it works in. */
public final class SessionSandbox implements AutoCloseable {

    private final long workspaceId;
    private final Sandbox sandbox;
    private final Path folder;
    private final Instant openedAt;
    private volatile Instant lastActivity;

    SessionSandbox(long workspaceId, Sandbox sandbox, Path folder, Instant now) {
        this.workspaceId = workspaceId;
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.openedAt = now;
        this.lastActivity = now;
    }

    public Run start(RunRequest request, RunListener listener) {
        lastActivity = Instant.now();
        Run run = sandbox.start(request, listener);
        run.result().whenComplete((result, error) -> lastActivity = Instant.now());
        return run;
    }

    public long workspaceId() {
        return workspaceId;
    }

    public boolean isAlive() {
        return sandbox.isAlive();
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant lastActivity() {
        return lastActivity;
    }

    Path folder() {
        return folder;
    }

    /** Kills everything in the sandbox; its folder is removed by whoever opened it. */
    @Override
    public void close() {
        sandbox.close();
    }
}
