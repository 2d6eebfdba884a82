package dev.pyroom.grading.entity;

import java.util.List;
import java.util.Map;

/**
 * A course's gradebook: its assignments in order, each student's grade per assignment, and per assignment how the
 * class did on each test.
 *
 * @param assignments the assignments' ids and titles, oldest first
 * @param rows one per student, by name
 * @param passRates per assignment id, its tests from the least passed
 */
public record GradebookView(
        List<AssignmentColumn> assignments, List<StudentRow> rows, Map<Long, List<TestPassRate>> passRates) {

    public record AssignmentColumn(long id, String title) {}

    /** A student's grades, per assignment id; an assignment they have no copy of is missing. */
    public record StudentRow(long studentId, String name, Map<Long, SnapshotGrade> grades) {

        public int total() {
            return grades.values().stream().mapToInt(SnapshotGrade::score).sum();
        }
    }
}
