package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.OutputComparison;
import dev.pyroom.grading.entity.TestKind;
import dev.pyroom.grading.entity.TestTotals;
import dev.pyroom.platform.control.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The tests of each assignment, in the order their instructor put them. */
@Dependent
public class AssignmentTests {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public List<AssignmentTest> of(long assignmentId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT id, name, kind, points, time_limit_ms, visible, entry_file, arguments, stdin,
                               expected_output, comparison, tolerance, source
                          FROM assignment_test WHERE assignment_id = ?1 ORDER BY position, id""").setParameter(1, assignmentId).getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(AssignmentTests::test)
                .toList();
    }

    /** The number of tests and their points for each assignment of the course that has tests. */
    public Map<Long, TestTotals> totalsInCourse(long courseId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT t.assignment_id, count(*), sum(t.points)
                          FROM assignment_test t JOIN assignment a ON a.id = t.assignment_id
                         WHERE a.course_id = ?1 GROUP BY t.assignment_id""").setParameter(1, courseId).getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .collect(Collectors.toMap(
                        row -> SqlValues.number(row[0]),
                        row -> new TestTotals(((Number) row[1]).intValue(), ((Number) row[2]).intValue())));
    }

    /** Replaces the assignment's tests with these, in this order. */
    public void replace(long assignmentId, List<AssignmentTest> tests) {
        em.createNativeQuery("DELETE FROM assignment_test WHERE assignment_id = ?1")
                .setParameter(1, assignmentId)
                .executeUpdate();
        for (int position = 0; position < tests.size(); position++) {
            AssignmentTest test = tests.get(position);
            em.createNativeQuery("""
                            INSERT INTO assignment_test (assignment_id, position, name, kind, points, time_limit_ms,
                                   visible, entry_file, arguments, stdin, expected_output, comparison, tolerance, source)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""")
                    .setParameter(1, assignmentId)
                    .setParameter(2, position)
                    .setParameter(3, test.name())
                    .setParameter(4, test.kind().name())
                    .setParameter(5, test.points())
                    .setParameter(6, (int) test.timeLimit().toMillis())
                    .setParameter(7, test.visible())
                    .setParameter(8, test.entryFile())
                    .setParameter(9, String.join("\n", test.arguments()))
                    .setParameter(10, test.stdin())
                    .setParameter(11, test.expectedOutput())
                    .setParameter(12, test.comparison().name())
                    .setParameter(13, test.tolerance())
                    .setParameter(14, test.source())
                    .executeUpdate();
        }
    }

    /** How many checks that compiled a student may make of the assignment, if it is limited. */
    public Optional<Integer> maxAttempts(long assignmentId) {
        return em.createNativeQuery("SELECT max_attempts FROM assignment WHERE id = ?1")
                .setParameter(1, assignmentId)
                .getResultStream()
                .filter(Objects::nonNull)
                .map(value -> ((Number) value).intValue())
                .findFirst();
    }

    /** @param maxAttempts null for no limit */
    public void limitAttempts(long assignmentId, Integer maxAttempts) {
        // A null parameter reaches PostgreSQL untyped (as text): the cast makes it an integer column's null.
        em.createNativeQuery("UPDATE assignment SET max_attempts = CAST(?2 AS integer) WHERE id = ?1")
                .setParameter(1, assignmentId)
                .setParameter(2, maxAttempts)
                .executeUpdate();
    }

    private static AssignmentTest test(Object[] row) {
        String arguments = (String) row[7];
        return new AssignmentTest(
                SqlValues.number(row[0]),
                (String) row[1],
                TestKind.valueOf((String) row[2]),
                ((Number) row[3]).intValue(),
                Duration.ofMillis(((Number) row[4]).longValue()),
                (Boolean) row[5],
                (String) row[6],
                arguments.isEmpty() ? List.of() : Arrays.asList(arguments.split("\n", -1)),
                (String) row[8],
                (String) row[9],
                OutputComparison.valueOf((String) row[10]),
                ((Number) row[11]).doubleValue(),
                (String) row[12]);
    }
}
