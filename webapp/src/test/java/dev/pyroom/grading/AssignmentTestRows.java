package dev.pyroom.grading;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Gives an assignment I/O tests straight in the test database, as the instructor's tests page will store them. */
final class AssignmentTestRows {

    private AssignmentTestRows() {}

    /** Adds an I/O test that runs main.py with the input and compares its output, ignoring trailing whitespace. */
    static void addIoTest(
            String assignmentTitle, String name, int points, boolean visible, String stdin, String expectedOutput)
            throws SQLException {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO assignment_test (assignment_id, position, name, kind, points, time_limit_ms,
                               visible, entry_file, stdin, expected_output, comparison)
                        SELECT a.id, (SELECT count(*) FROM assignment_test t WHERE t.assignment_id = a.id), ?, 'IO',
                               ?, 5000, ?, 'main.py', ?, ?, 'TRIMMED'
                          FROM assignment a WHERE a.title = ?""")) {
            insert.setString(1, name);
            insert.setInt(2, points);
            insert.setBoolean(3, visible);
            insert.setString(4, stdin);
            insert.setString(5, expectedOutput);
            insert.setString(6, assignmentTitle);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("No single assignment titled " + assignmentTitle);
            }
        }
    }

    /** Limits the checks each student may make of the assignment, as its tests page stores the limit. */
    static void limitAttempts(String assignmentTitle, int maxAttempts) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE assignment SET max_attempts = ? WHERE title = ?")) {
            update.setInt(1, maxAttempts);
            update.setString(2, assignmentTitle);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("No single assignment titled " + assignmentTitle);
            }
        }
    }

    /** Whether the string occurs anywhere in the stored checks of the assignment: proof the test data got there. */
    static boolean storedChecksContain(String assignmentTitle, String text) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT count(*) FROM test_check c JOIN assignment a ON a.id = c.assignment_id
                         WHERE a.title = ? AND strpos(c.results::text, ?) > 0""")) {
            query.setString(1, assignmentTitle);
            query.setString(2, text);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                System.getenv("PYROOM_DB_URL"), System.getenv("PYROOM_DB_USER"), System.getenv("PYROOM_DB_PASSWORD"));
    }
}
