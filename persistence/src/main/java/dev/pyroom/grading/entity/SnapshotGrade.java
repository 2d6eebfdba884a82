package dev.pyroom.grading.entity;

import java.time.OffsetDateTime;

/**
 * One student's copy of one assignment in the gradebook.
 *
 * @param gradedAt null while the copy's snapshot has no grade (not taken yet, or waiting to be graded)
 * @param outcome null while there is no grade
 */
public record SnapshotGrade(
        long assignmentId,
        long copyId,
        long studentId,
        String studentName,
        OffsetDateTime snapshotAt,
        OffsetDateTime gradedAt,
        CheckOutcome outcome,
        int score,
        int maxScore) {

    public boolean graded() {
        return gradedAt != null;
    }
}
