package dev.pyroom.grading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.grading.entity.CheckOutcome;
import dev.pyroom.grading.entity.SnapshotGrade;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class GradeCellTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T09:00:00Z");

    @Test
    void aGradeShowsItsScoreOutOfItsMaximum() {
        GradeCell cell = GradeCell.of(grade(AT, AT, CheckOutcome.GRADED, 8));

        assertEquals("8 / 10", cell.label());
        assertEquals("", cell.mark());
        assertEquals(8, cell.sortKey());
    }

    @Test
    void workThatDidNotCompileOrAGraderThatFailedIsMarked() {
        assertEquals(
                "did not compile",
                GradeCell.of(grade(AT, AT, CheckOutcome.NOT_COMPILED, 0)).mark());
        assertEquals(
                "grader failed",
                GradeCell.of(grade(AT, AT, CheckOutcome.GRADER_FAILED, 3)).mark());
    }

    @Test
    void aCopyWithoutAGradeIsNotGradedYetAndSortsBelowEveryScore() {
        GradeCell waiting = GradeCell.of(grade(AT, null, null, 0));
        GradeCell beforeTheDueDate = GradeCell.of(grade(null, null, null, 0));

        assertEquals("not graded yet", waiting.label());
        assertTrue(waiting.snapshotTaken());
        assertEquals("not graded yet", beforeTheDueDate.label());
        assertEquals(-1, waiting.sortKey());
        assertEquals("no copy", GradeCell.of(null).label());
    }

    @Test
    void theCsvFileIsNamedAfterTheCourseInCharactersEveryBrowserKeeps() {
        assertEquals("gradebook-Python-1-Spring.csv", GradebookCsvServlet.fileName("Python 1 / Spring"));
        assertEquals("gradebook.csv", GradebookCsvServlet.fileName("\"; ;"));
    }

    private static SnapshotGrade grade(
            OffsetDateTime snapshotAt, OffsetDateTime gradedAt, CheckOutcome outcome, int score) {
        return new SnapshotGrade(1, 2, 3, "Ada", snapshotAt, gradedAt, outcome, score, 10);
    }
}
