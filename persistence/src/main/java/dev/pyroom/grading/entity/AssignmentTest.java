package dev.pyroom.grading.entity;

import dev.pyroom.classroom.entity.InvalidCourseException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One test of an assignment, as its instructor wrote it. The I/O fields are empty for a unit test, the source is empty
 * for an I/O test.
 *
 * @param id null until stored
 * @param arguments the command-line arguments of an I/O test's run
 * @param tolerance the largest difference between two numbers that still counts as equal, for {@link
 *     OutputComparison#NUMERIC}
 */
public record AssignmentTest(
        Long id,
        String name,
        TestKind kind,
        int points,
        Duration timeLimit,
        boolean visible,
        String entryFile,
        List<String> arguments,
        String stdin,
        String expectedOutput,
        OutputComparison comparison,
        double tolerance,
        String source) {

    public static final int MAX_NAME_LENGTH = 80;
    public static final int MAX_POINTS = 1000;
    public static final Duration MIN_TIME_LIMIT = Duration.ofMillis(100);
    public static final Duration MAX_TIME_LIMIT = Duration.ofMinutes(10);
    public static final int MAX_TEXT_LENGTH = 256 * 1024;
    /** What a new test is worth, on the tests page and in an uploaded tests folder. */
    public static final int DEFAULT_POINTS = 1;
    /** A new test's time limit, on the tests page and in an uploaded tests folder. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);

    public AssignmentTest {
        name = name == null ? "" : name.strip();
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(comparison, "comparison");
        entryFile = entryFile == null || entryFile.isBlank() ? "main.py" : entryFile.strip();
        arguments = List.copyOf(arguments);
        stdin = Objects.requireNonNullElse(stdin, "");
        expectedOutput = Objects.requireNonNullElse(expectedOutput, "");
        source = Objects.requireNonNullElse(source, "");
        requireValid(name, points, timeLimit, tolerance);
        requireShort(stdin, "input");
        requireShort(expectedOutput, "expected output");
        requireShort(source, "test code");
        if (comparison == OutputComparison.REGEX && kind == TestKind.IO) {
            requirePattern(expectedOutput);
        }
        if (kind == TestKind.UNIT && source.isBlank()) {
            throw new InvalidCourseException("The unit test \"" + name + "\" needs test code.");
        }
    }

    private static void requireValid(String name, int points, Duration timeLimit, double tolerance) {
        if (name.isEmpty()) {
            throw new InvalidCourseException("A test needs a name.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidCourseException("A test name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (points < 0 || points > MAX_POINTS) {
            throw new InvalidCourseException("A test is worth 0 to " + MAX_POINTS + " points.");
        }
        if (timeLimit.compareTo(MIN_TIME_LIMIT) < 0 || timeLimit.compareTo(MAX_TIME_LIMIT) > 0) {
            throw new InvalidCourseException("A test's time limit lies between 0.1 seconds and 10 minutes.");
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new InvalidCourseException("A tolerance is a number of 0 or more.");
        }
    }

    private static void requireShort(String text, String what) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidCourseException("A test's " + what + " is too long: at most 256 KiB.");
        }
    }

    private static void requirePattern(String expression) {
        try {
            Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            throw new InvalidCourseException(
                    "The expected output is not a valid regular expression: " + e.getDescription() + ".");
        }
    }
}
