package dev.pyroom.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the tests page and the students' editors would write, written straight into the test database: an assignment's
 * tests, a student's file, a due date that has passed.
 */
final class GradingData {

    private GradingData() {}

    static long assignmentId(long courseId, String title) {
        try (Connection db = connect();
                PreparedStatement select =
                        db.prepareStatement("SELECT id FROM assignment WHERE course_id = ? AND title = ?")) {
            select.setLong(1, courseId);
            select.setString(2, title);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An I/O test that runs main.py with the input and compares its output, trailing whitespace ignored. */
    static void addIoTest(
            long assignmentId, int position, String name, int points, boolean visible, String stdin, String expected) {
        update("""
                INSERT INTO assignment_test (assignment_id, position, name, kind, points, time_limit_ms, visible,
                       entry_file, stdin, expected_output, comparison)
                VALUES (?, ?, ?, 'IO', ?, 5000, ?, 'main.py', ?, ?, 'TRIMMED')""", 1, assignmentId, position, name, points, visible, stdin, expected);
    }

    static void setExpectedOutput(long assignmentId, String testName, String expected) {
        update(
                "UPDATE assignment_test SET expected_output = ? WHERE assignment_id = ? AND name = ?",
                1,
                expected,
                assignmentId,
                testName);
    }

    /** The student's main.py in their copy of the assignment, as if they had typed it. */
    static void setMainFile(long assignmentId, String username, String code) {
        update("""
                UPDATE workspace_file f SET content = ?, size_bytes = ?, updated_at = now()
                  FROM assignment_copy c JOIN app_user u ON u.id = c.student_id
                 WHERE c.assignment_id = ? AND u.username = ? AND f.workspace_id = c.workspace_id
                   AND f.path = 'main.py'""", 1, code, code.getBytes(StandardCharsets.UTF_8).length, assignmentId, username);
    }

    static void makeDue(long assignmentId) {
        update("UPDATE assignment SET due_at = now() - interval '1 minute' WHERE id = ?", 1, assignmentId);
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
