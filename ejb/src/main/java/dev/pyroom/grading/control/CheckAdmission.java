package dev.pyroom.grading.control;

import dev.pyroom.grading.boundary.CheckRefusedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Which checks run on this node now: one per workspace, and a bounded number in all, so that a class pressing Check
 * together waits its turn instead of starving runs and lint.
 */
@ApplicationScoped
public class CheckAdmission {

    /** A check's turn: closing it lets the next one in. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    private final Set<Long> checking = ConcurrentHashMap.newKeySet();

    @Inject
    GradingSettings settings;

    private Semaphore slots;

    @PostConstruct
    void sizeSlots() {
        slots = new Semaphore(settings.parallelChecks(), true);
    }

    /**
     * Waits for a turn to check the workspace.
     *
     * @throws CheckRefusedException when the workspace is being checked already, or no turn came in time
     */
    public Turn enter(long workspaceId) {
        if (!checking.add(workspaceId)) {
            throw CheckRefusedException.alreadyChecking();
        }
        try {
            if (!slots.tryAcquire(settings.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
                checking.remove(workspaceId);
                throw CheckRefusedException.busy();
            }
        } catch (InterruptedException e) {
            checking.remove(workspaceId);
            Thread.currentThread().interrupt();
            throw CheckRefusedException.busy();
        }
        return () -> {
            slots.release();
            checking.remove(workspaceId);
        };
    }

    /** Checks waiting for a turn on this node. */
    public int waiting() {
        return slots.getQueueLength();
    }
}
