package dev.pyroom.sandbox.control;

import dev.pyroom.workspace.entity.WorkspaceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Empty sandboxes opened ahead of need, so that a check or a first run meets a sandbox that is already up instead of
 * waiting for namespaces and an interpreter to start. A spare has never run anything: taking one and writing the
 * workspace's files into it gives the same fresh sandbox as opening one around those files. Each one taken is
 * replaced in the background.
 */
final class SpareSandboxes {

    private static final Logger LOG = Logger.getLogger(SpareSandboxes.class.getName());

    private final int wanted;
    private final Supplier<DetachedSandbox> opener;
    private final Executor executor;
    private final BlockingQueue<DetachedSandbox> ready = new LinkedBlockingQueue<>();
    /** Spares ready or being opened. */
    private final AtomicInteger counted = new AtomicInteger();

    private volatile boolean closed;

    /**
     * @param wanted how many to keep ready; 0 keeps none
     * @param opener opens an empty sandbox
     */
    SpareSandboxes(int wanted, Supplier<DetachedSandbox> opener, Executor executor) {
        this.wanted = wanted;
        this.opener = opener;
        this.executor = executor;
    }

    /** A live spare holding {@code files}, or empty when none is ready; either way, the spares are topped up. */
    Optional<DetachedSandbox> take(List<WorkspaceFile> files) {
        try {
            for (DetachedSandbox spare; (spare = ready.poll()) != null; ) {
                counted.decrementAndGet();
                if (spare.sandbox().isAlive() && filled(spare, files)) {
                    return Optional.of(spare);
                }
                spare.close();
            }
            return Optional.empty();
        } finally {
            topUp();
        }
    }

    void closeAll() {
        closed = true;
        for (DetachedSandbox spare; (spare = ready.poll()) != null; ) {
            spare.close();
        }
    }

    private void topUp() {
        while (true) {
            int now = counted.get();
            if (closed || now >= wanted) {
                return;
            }
            if (counted.compareAndSet(now, now + 1)) {
                try {
                    executor.execute(this::openOne);
                } catch (RejectedExecutionException e) {
                    counted.decrementAndGet();
                    return;
                }
            }
        }
    }

    private void openOne() {
        try {
            DetachedSandbox spare = opener.get();
            ready.add(spare);
            if (closed) {
                closeAll();
            }
        } catch (RuntimeException e) {
            counted.decrementAndGet();
            LOG.warning(() -> "Could not open a spare sandbox: " + e.getMessage());
        }
    }

    private static boolean filled(DetachedSandbox spare, List<WorkspaceFile> files) {
        try {
            for (WorkspaceFile file : files) {
                if (file.getKind() == WorkspaceFile.Kind.FOLDER) {
                    spare.sandbox().makeFolder(file.getPath().value());
                } else {
                    spare.sandbox()
                            .writeFile(file.getPath().value(), file.getContent().getBytes(StandardCharsets.UTF_8));
                }
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warning(() -> "A spare sandbox did not take the workspace's files: " + e.getMessage());
            return false;
        }
    }
}
