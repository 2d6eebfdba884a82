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

    private final AtomicInteger workers = new AtomicInteger();

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
        int running;
        while ((running = workers.get()) < settings.parallelGrading()) {
            if (workers.compareAndSet(running, running + 1)) {
                executor.execute(this::work);
            }
        }
    }

    private void work() {
        try {
            Optional<SnapshotWork> next;
            while ((next = bookkeeping.claimNext()).isPresent()) {
                grade(next.get());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Grading snapshots stopped; it starts again within a minute", e);
        } finally {
            workers.decrementAndGet();
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
