package dev.pyroom.sandbox.control;

import dev.pyroom.platform.control.NodeIdentity;
import dev.pyroom.sandbox.entity.SandboxSpec;
import dev.pyroom.workspace.entity.WorkspaceFile;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
        List.copyOf(open.keySet()).forEach(this::close);
    }

    private SessionSandbox openNew(long workspaceId, List<WorkspaceFile> files) {
        Path folder = WorkspaceFolders.materialize(nodeRoot(), files);
        try {
            Sandbox sandbox = backend.open(SandboxSpec.of(folder));
            return new SessionSandbox(workspaceId, sandbox, folder, Instant.now());
        } catch (RuntimeException e) {
            WorkspaceFolders.delete(folder);
            throw e;
        }
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
