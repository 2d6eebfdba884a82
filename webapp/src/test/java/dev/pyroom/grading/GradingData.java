package dev.pyroom.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the tests page would write, written straight into the test database: an assignment's
 * tests and limit of checks; and a due date that has passed. Assignments are named by their title, which
 * each test makes unique.
 */
final class GradingData {

    private static final String ASSIGNMENT = "(SELECT id FROM assignment WHERE title = ?)";

    private GradingData() {}

    /** An I/O test after the assignment's others that runs main.py with the input and compares its output, trailing whitespace ignored. */
    static void addIoTest(
            String assignment, String name, int points, boolean visible, String stdin, String expectedOutput) {
        update("""
                INSERT INTO assignment_test (assignment_id, position, name, kind, points, time_limit_ms, visible,
                       entry_file, stdin, expected_output, comparison)
                SELECT a.id, (SELECT count(*) FROM assignment_test t WHERE t.assignment_id = a.id), ?, 'IO', ?, 5000,
                       ?, 'main.py', ?, ?, 'TRIMMED'
                  FROM assignment a WHERE a.title = ?""", 1, name, points, visible, stdin, expectedOutput, assignment);
    }

    /** Limits the checks each student may make of the assignment, as its tests page stores the limit. */
    static void limitAttempts(String assignment, int maxAttempts) {
        update("UPDATE assignment SET max_attempts = ? WHERE title = ?", 1, maxAttempts, assignment);
    }

    static void makeDue(String assignment) {
        update("UPDATE assignment SET due_at = now() - interval '1 minute' WHERE title = ?", 1, assignment);
    }

    /** The assignment's grading as the database has it, to tell why a grade is missing. */
    static String gradingState(String assignment) {
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement("""
                        SELECT string_agg(format('copy %s: snapshot %s, requested %s, claimed until %s, graded %s %s',
                               c.id, c.snapshot_at, a.grades_requested_at, c.grading_claimed_until, g.graded_at,
                               g.outcome), '; ' ORDER BY c.id), max(clock_timestamp())::text
                          FROM assignment a JOIN assignment_copy c ON c.assignment_id = a.id
                          LEFT JOIN snapshot_grade g ON g.copy_id = c.id
                         WHERE a.title = ?""")) {
            query.setString(1, assignment);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1) + " (now " + rows.getString(2) + ")";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text occurs anywhere in the stored checks of the assignment: proof the test data got there. */
    static boolean storedChecksContain(String assignment, String text) {
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM test_check WHERE assignment_id = "
                        + ASSIGNMENT + " AND strpos(results::text, ?) > 0")) {
            query.setString(1, assignment);
            query.setString(2, text);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String sql, int expectedRows, Object... values) {
        try (Connection db = connect();
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int index = 0; index < values.length; index++) {
                statement.setObject(index + 1, values[index]);
            }
            assertEquals(expectedRows, statement.executeUpdate(), sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                System.getenv("PYROOM_DB_URL"), System.getenv("PYROOM_DB_USER"), System.getenv("PYROOM_DB_PASSWORD"));
    }
}
