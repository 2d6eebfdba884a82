package dev.pyroom.grading.entity;

import java.time.OffsetDateTime;

/**
 * A student's grade of one assignment, as they see it on "My courses".
 *
 * @param dueAt null when the assignment has no due date
 * @param gradedAt null while there is no grade
 * @param outcome null while there is no grade
 */
public record StudentGrade(
        String course,
        String assignment,
        OffsetDateTime dueAt,
        OffsetDateTime gradedAt,
        CheckOutcome outcome,
        int score,
        int maxScore) {

    /** "7 / 10", "does not compile", "could not be graded", or "not graded yet". */
    public String grade() {
        if (outcome == null) {
            return "not graded yet";
        }
        return switch (outcome) {
            case GRADED -> score + " / " + maxScore;
            case NOT_COMPILED -> "0 / " + maxScore + " (does not compile)";
            case GRADER_FAILED -> "could not be graded: your instructor has been told";
        };
    }
}
