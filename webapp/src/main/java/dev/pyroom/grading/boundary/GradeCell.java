package dev.pyroom.grading.boundary;

import dev.pyroom.grading.entity.CheckOutcome;
import dev.pyroom.grading.entity.SnapshotGrade;
import java.io.Serializable;

/**
 * One student's grade for one assignment, as a gradebook cell shows it.
 *
 * @param copyId null when the student has no copy of the assignment
 * @param outcome null while the snapshot has no grade
 */
public record GradeCell(Long copyId, boolean snapshotTaken, CheckOutcome outcome, int score, int maxScore)
        implements Serializable {

    static final GradeCell NO_COPY = new GradeCell(null, false, null, 0, 0);

    static GradeCell of(SnapshotGrade grade) {
        if (grade == null) {
            return NO_COPY;
        }
        return new GradeCell(
                grade.copyId(),
                grade.snapshotAt() != null,
                grade.graded() ? grade.outcome() : null,
                grade.score(),
                grade.maxScore());
    }

    public boolean graded() {
        return outcome != null;
    }

    public String label() {
        if (copyId == null) {
            return "no copy";
        }
        return graded() ? score + " / " + maxScore : "not graded yet";
    }

    /** What a score alone would hide: the work did not compile, or the grader broke down while grading it. */
    public String mark() {
        if (outcome == CheckOutcome.NOT_COMPILED) {
            return "did not compile";
        }
        return outcome == CheckOutcome.GRADER_FAILED ? "grader failed" : "";
    }

    /** Graded cells by score; those without a grade below every score. */
    public int sortKey() {
        return graded() ? score : -1;
    }
}
