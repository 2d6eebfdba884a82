package dev.pyroom.grading.boundary;

import dev.pyroom.grading.entity.GradingProgress;
import dev.pyroom.grading.entity.TestPassRate;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An assignment as the gradebook shows it: its column, how the class did on each test, when it was last graded.
 *
 * @param lastGradedAt when the newest of its grades was given, or null when none was
 * @param passRates its tests, the least passed first
 */
public record AssignmentGrading(
        long id, String title, OffsetDateTime lastGradedAt, List<TestPassRate> passRates, GradingProgress progress)
        implements Serializable {

    /** Grading was asked for and is not done yet. */
    public boolean grading() {
        return progress.requestedAt() != null && !progress.done();
    }

    /** How much of the grading asked for is done, from 0 to 100; 100 when nothing waits. */
    public int percentGraded() {
        return percent(progress);
    }

    static int percent(GradingProgress progress) {
        if (progress.done()) {
            return 100;
        }
        return (int) Math.min(99, progress.graded() * 100 / progress.snapshots());
    }
}
