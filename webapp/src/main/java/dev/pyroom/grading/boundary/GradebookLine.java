package dev.pyroom.grading.boundary;

import dev.pyroom.grading.entity.GradebookView;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A student's row of the gradebook: a cell per assignment, and their total. */
public record GradebookLine(long studentId, String name, Map<Long, GradeCell> cells, int total)
        implements Serializable {

    static GradebookLine of(GradebookView.StudentRow row, List<GradebookView.AssignmentColumn> assignments) {
        Map<Long, GradeCell> cells = new LinkedHashMap<>();
        assignments.forEach(assignment ->
                cells.put(assignment.id(), GradeCell.of(row.grades().get(assignment.id()))));
        return new GradebookLine(row.studentId(), row.name(), cells, row.total());
    }

    public GradeCell cell(long assignmentId) {
        return cells.getOrDefault(assignmentId, GradeCell.NO_COPY);
    }
}
