package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.GradebookView;
import dev.pyroom.grading.entity.SnapshotGrade;
import java.util.ArrayList;
import java.util.List;

/** A gradebook as CSV (RFC 4180): one row per student, score and maximum per assignment. */
public final class GradebookCsv {

    private GradebookCsv() {}

    public static String write(GradebookView gradebook) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("student"));
        for (GradebookView.AssignmentColumn assignment : gradebook.assignments()) {
            header.add(assignment.title() + " score");
            header.add(assignment.title() + " max");
        }
        header.add("total");
        line(csv, header);
        for (GradebookView.StudentRow row : gradebook.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.name()));
            for (GradebookView.AssignmentColumn assignment : gradebook.assignments()) {
                SnapshotGrade grade = row.grades().get(assignment.id());
                boolean graded = grade != null && grade.graded();
                cells.add(graded ? Integer.toString(grade.score()) : "");
                cells.add(graded ? Integer.toString(grade.maxScore()) : "");
            }
            cells.add(Integer.toString(row.total()));
            line(csv, cells);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int index = 0; index < cells.size(); index++) {
            if (index > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(index)));
        }
        csv.append("\r\n");
    }

    /** Quoted where needed; a leading formula character is neutralised so that a spreadsheet shows it as text. */
    static String cell(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
