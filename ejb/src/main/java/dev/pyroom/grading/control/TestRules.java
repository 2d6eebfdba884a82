package dev.pyroom.grading.control;

import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.entity.AssignmentTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an assignment's tests must satisfy as a whole, and in its course, beyond what each {@link AssignmentTest} checks
 * of itself: the same rules for tests saved on the tests page and for tests uploaded with the starter files.
 */
public final class TestRules {

    public static final int MAX_TESTS = 100;

    private TestRules() {}

    /**
     * @param courseWallTime the longest a run may take in the assignment's course
     * @throws InvalidCourseException naming the test ("Test 2 (sums): ...") whose value the course cannot take, or
     *     saying there are too many tests or two of the same name
     */
    public static void requireValid(List<AssignmentTest> tests, Duration courseWallTime) {
        requireAtMostMaxTests(tests.size());
        Set<String> names = new HashSet<>();
        for (int index = 0; index < tests.size(); index++) {
            AssignmentTest test = tests.get(index);
            if (!names.add(test.name())) {
                throw new InvalidCourseException(
                        "Two tests are named \"" + test.name() + "\": give each its own name.");
            }
            try {
                requireWithinCourse(test, courseWallTime);
            } catch (InvalidCourseException e) {
                throw new InvalidCourseException("Test " + (index + 1) + " (" + test.name() + "): " + e.getMessage());
            }
        }
    }

    public static void requireAtMostMaxTests(int count) {
        if (count > MAX_TESTS) {
            throw new InvalidCourseException("An assignment has at most " + MAX_TESTS + " tests.");
        }
    }

    /**
     * A test's time limit may not exceed the course's wall time for a run: the grader would cut it to the course's
     * limit anyway, and the instructor should learn that when saving, not from a student's timed-out check.
     *
     * @throws InvalidCourseException saying the course's limit
     */
    public static void requireWithinCourse(AssignmentTest test, Duration courseWallTime) {
        if (test.timeLimit().compareTo(courseWallTime) > 0) {
            throw new InvalidCourseException("The time limit of " + seconds(test.timeLimit())
                    + " s is longer than a program may run in this course: at most " + seconds(courseWallTime)
                    + " s (the course's run limits).");
        }
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
