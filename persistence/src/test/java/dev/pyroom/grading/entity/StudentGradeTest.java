package dev.pyroom.grading.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class StudentGradeTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T09:00:00Z");

    @Test
    void aGradeReadsAsScoreOfMaximumOrSaysWhyThereIsNone() {
        assertEquals("7 / 10", grade(CheckOutcome.GRADED, 7).grade());
        assertEquals(
                "0 / 10 (does not compile)", grade(CheckOutcome.NOT_COMPILED, 0).grade());
        assertEquals(
                "could not be graded: your instructor has been told",
                grade(CheckOutcome.GRADER_FAILED, 0).grade());
        assertEquals("not graded yet", new StudentGrade("Python 1", "Loops", AT, null, null, 0, 0).grade());
    }

    private static StudentGrade grade(CheckOutcome outcome, int score) {
        return new StudentGrade("Python 1", "Loops", AT, AT, outcome, score, 10);
    }
}
