package dev.pyroom.grading.boundary;

import dev.pyroom.grading.control.Grader;
import dev.pyroom.grading.control.GradingSettings;
import dev.pyroom.grading.control.SnapshotWork;
import dev.pyroom.grading.entity.CheckOutcome;
import dev.pyroom.grading.entity.CheckReport;
import dev.pyroom.grading.entity.GradesRequested;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Grades the snapshots that wait for a grade, a few at a time on each node: every node takes the next unclaimed
 * snapshot until none is left, so several nodes share a re-grade and a node that dies leaves its snapshots to others.
 */
@ApplicationScoped
public class SnapshotGrader {

    private static final Logger LOG = Logger.getLogger(SnapshotGrader.class.getName());

    /** Graders at work on this node. */
    private final AtomicInteger workers = new AtomicInteger();

    /** Set by every call for grading; a worker that finds it set after its last look looks once more. */
    private final AtomicBoolean asked = new AtomicBoolean();

    @Resource
    ManagedExecutorService executor;

    @EJB
    GradingBookkeeping bookkeeping;

    @Inject
    Grader grader;

    @Inject
    GradingSettings settings;

    /** Starts grading as soon as the request is committed, rather than at the next minute's look. */
    void requested(@Observes(during = TransactionPhase.AFTER_SUCCESS) GradesRequested request) {
        gradeWaiting();
    }

    /** Puts this node's graders to work on whatever waits; those already at work go on. */
    public void gradeWaiting() {
        asked.set(true);
        startWorkers();
    }

    private void startWorkers() {
        for (int idle = settings.parallelGrading() - workers.get(); idle > 0; idle--) {
            try {
                executor.execute(this::work);
            } catch (RejectedExecutionException e) {
                LOG.warning(() -> "No thread was free to grade snapshots; the next look comes within a minute");
                return;
            }
        }
    }

    /**
     * A worker counts itself once it runs, not when it is handed to the executor: a task the executor drops unrun
     * (as it does while the application is not enabled) must not hold a worker's place for good.
     */
    private void work() {
        if (!tookPlace()) {
            return;
        }
        try {
            do {
                asked.set(false);
                gradeAllWaiting();
            } while (asked.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Grading snapshots stopped; it starts again within a minute", e);
        } finally {
            workers.decrementAndGet();
        }
        // A call that came between this worker's last look and its leaving found every place taken.
        if (asked.get()) {
            startWorkers();
        }
    }

    private boolean tookPlace() {
        int running;
        while ((running = workers.get()) < settings.parallelGrading()) {
            if (workers.compareAndSet(running, running + 1)) {
                return true;
            }
        }
        return false;
    }

    private void gradeAllWaiting() {
        Optional<SnapshotWork> next;
        while ((next = bookkeeping.claimNext()).isPresent()) {
            SnapshotWork work = next.get();
            try {
                grade(work);
            } catch (RuntimeException e) {
                // Left claimed, the snapshot would wait out the whole claim before any node tried it again.
                try {
                    bookkeeping.release(work.copyId());
                } catch (RuntimeException notReleased) {
                    e.addSuppressed(notReleased);
                }
                throw e;
            }
        }
    }

    /**
     * A grade freezes with its snapshot: a sandbox that broke down under load gets one more try before its grade says
     * "could not be graded".
     */
    private void grade(SnapshotWork work) {
        CheckReport report = grader.check(work.files(), work.tests(), work.limits());
        if (report.outcome() == CheckOutcome.GRADER_FAILED) {
            LOG.warning(() -> "Grading the snapshot of copy " + work.copyId() + " broke down; trying once more");
            report = grader.check(work.files(), work.tests(), work.limits());
        }
        bookkeeping.store(work.copyId(), work.claimedAt(), report);
    }
}
