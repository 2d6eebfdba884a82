package dev.pyroom.grading.entity;

import java.time.OffsetDateTime;

/**
 * A check as it is kept: the student's score and each test's result as JSON.
 *
 * @param workspaceId null once the workspace is deleted
 */
public record StoredCheck(
        long id,
        long assignmentId,
        long studentId,
        Long workspaceId,
        OffsetDateTime checkedAt,
        CheckOutcome outcome,
        int score,
        int maxScore,
        String resultsJson) {}
