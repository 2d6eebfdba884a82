package dev.pyroom.grading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyroom.grading.entity.CheckOutcome;
import dev.pyroom.grading.entity.GradebookView;
import dev.pyroom.grading.entity.SnapshotGrade;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradebookCsvTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T09:00:00Z");

    @Test
    void aRowPerStudentWithScoreAndMaximumPerAssignment() {
        var gradebook = new GradebookView(
                List.of(new GradebookView.AssignmentColumn(1, "Loops"), new GradebookView.AssignmentColumn(2, "Lists")),
                List.of(new GradebookView.StudentRow(
                        7,
                        "Ada Lovelace",
                        Map.of(1L, grade(1, 8, 10), 2L, new SnapshotGrade(2, 12, 7, "Ada", null, null, null, 0, 0)))),
                Map.of());

        assertEquals(
                "student,Loops score,Loops max,Lists score,Lists max,total\r\nAda Lovelace,8,10,,,8\r\n",
                GradebookCsv.write(gradebook));
    }

    @Test
    void namesAreQuotedAndFormulasNeutralised() {
        assertEquals("\"Smith, Jo\"", GradebookCsv.cell("Smith, Jo"));
        assertEquals("\"say \"\"hi\"\"\"", GradebookCsv.cell("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", GradebookCsv.cell("=HYPERLINK(1)"));
        assertEquals("'-2+3", GradebookCsv.cell("-2+3"));
    }

    private static SnapshotGrade grade(long assignmentId, int score, int max) {
        return new SnapshotGrade(assignmentId, 11, 7, "Ada", AT, AT, CheckOutcome.GRADED, score, max);
    }
}
