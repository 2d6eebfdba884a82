package dev.pyroom.sandbox.control;

import dev.pyroom.platform.control.NodeIdentity;
import dev.pyroom.sandbox.entity.SandboxSpec;
import dev.pyroom.workspace.entity.WorkspaceFile;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** The sandboxes this node holds, one per workspace. */
@ApplicationScoped
public class NodeSandboxes {

    private static final Logger LOG = Logger.getLogger(NodeSandboxes.class.getName());

    private final Map<Long, SessionSandbox> open = new ConcurrentHashMap<>();

    @Inject
    SandboxBackend backend;

    @Inject
    SandboxSettings settings;

    @Inject
    NodeIdentity node;

    @Resource
    ManagedExecutorService executor;

    /**
     * Sandboxes being opened at once. Opening one is mostly CPU (namespaces, an interpreter starting): a class
     * arriving together opens hundreds, and opening them all at once would make every one of them, and everything
     * else on the node, wait for all of them.
     */
    private Semaphore starts;

    private SpareSandboxes spares;

    @PostConstruct
    void prepare() {
        starts = new Semaphore(settings.parallelStarts(), true);
        spares = new SpareSandboxes(settings.spares(), () -> openAround(List.of()), executor);
    }

    /**
     * The workspace's live sandbox on this node; when there is none, a new one around {@code files}.
     *
     * @return the sandbox and whether it was opened just now
     */
    public Obtained obtain(long workspaceId, Supplier<List<WorkspaceFile>> files) {
        boolean[] opened = {false};
        SessionSandbox sandbox = open.compute(workspaceId, (id, existing) -> {
            if (existing != null && existing.isAlive()) {
                return existing;
            }
            if (existing != null) {
                dispose(existing);
            }
            opened[0] = true;
            return openNew(id, files.get());
        });
        return new Obtained(sandbox, opened[0]);
    }

    /**
     * Applies a change of the workspace's files to its sandbox on this node, if it has one. A sandbox being opened
     * right now may have read the files before the change: the change waits until it is open, then reaches it too. A
     * sandbox that cannot take the change would run stale files: it is ended, and the next run opens a fresh one.
     */
    public void applyChange(long workspaceId, Consumer<SessionSandbox> change) {
        open.computeIfPresent(workspaceId, (id, sandbox) -> {
            try {
                change.accept(sandbox);
                return sandbox;
            } catch (RuntimeException e) {
                LOG.warning(() -> "Ended the sandbox of workspace " + workspaceId + ": " + e.getMessage());
                dispose(sandbox);
                return null;
            }
        });
    }

    /**
     * A sandbox of its own around {@code files}, not kept with the sessions' sandboxes: nothing a session's programs
     * did is in it, and nothing done in it reaches a session.
     */
    public DetachedSandbox openDetached(List<WorkspaceFile> files) {
        return spares.take(files).orElseGet(() -> openAround(files));
    }

    /**
     * Closes a detached sandbox on another thread, so that ending it (its processes, its cgroup, its folder) does not
     * hold up whoever waits for what was done in it; here when no thread is free.
     */
    public void closeLater(DetachedSandbox sandbox) {
        try {
            executor.execute(sandbox::close);
        } catch (RejectedExecutionException e) {
            sandbox.close();
        }
    }

    private DetachedSandbox openAround(List<WorkspaceFile> files) {
        Path folder = WorkspaceFolders.materialize(nodeRoot(), files);
        starts.acquireUninterruptibly();
        try {
            return new DetachedSandbox(backend.open(SandboxSpec.of(folder)), folder);
        } catch (RuntimeException e) {
            WorkspaceFolders.delete(folder);
            throw e;
        } finally {
            starts.release();
        }
    }

    public Optional<SessionSandbox> find(long workspaceId) {
        return Optional.ofNullable(open.get(workspaceId));
    }

    public List<SessionSandbox> all() {
        return List.copyOf(open.values());
    }

    /** Ends the workspace's sandbox on this node, if it has one. */
    public void close(long workspaceId) {
        SessionSandbox sandbox = open.remove(workspaceId);
        if (sandbox != null) {
            dispose(sandbox);
        }
    }

    private Path nodeRoot() {
        return settings.root().resolve(node.id());
    }

    @PreDestroy
    void closeAll() {
        spares.closeAll();
        List.copyOf(open.keySet()).forEach(this::close);
    }

    private SessionSandbox openNew(long workspaceId, List<WorkspaceFile> files) {
        DetachedSandbox opened = openDetached(files);
        return new SessionSandbox(workspaceId, opened.sandbox(), opened.folder(), Instant.now());
    }

    private static void dispose(SessionSandbox sandbox) {
        sandbox.close();
        try {
            WorkspaceFolders.delete(sandbox.folder());
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not delete a sandbox folder: " + e.getMessage());
        }
    }

    /** A sandbox, and whether {@link #obtain} opened it. */
    public record Obtained(SessionSandbox sandbox, boolean opened) {}
}
