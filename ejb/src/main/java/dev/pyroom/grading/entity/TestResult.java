package dev.pyroom.grading.entity;

import java.util.Objects;

/**
 * What one test found, in full: the student sees all of it for a visible test, only the name and whether it passed for
 * a hidden one.
 *
 * @param expected what the test expected, or null where it has no single expected value
 * @param actual what the work gave, or null
 * @param output what the work printed during the test, bounded
 */
public record TestResult(
        long testId,
        String name,
        int points,
        boolean visible,
        TestOutcome outcome,
        String message,
        String expected,
        String actual,
        String output) {

    public TestResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        message = Objects.requireNonNullElse(message, "");
        output = Objects.requireNonNullElse(output, "");
    }

    public static TestResult of(AssignmentTest test, TestOutcome outcome, String message) {
        return new TestResult(test.id(), test.name(), test.points(), test.visible(), outcome, message, null, null, "");
    }

    public TestResult withComparison(String expectedValue, String actualValue) {
        return new TestResult(testId, name, points, visible, outcome, message, expectedValue, actualValue, output);
    }

    public TestResult withOutput(String value) {
        return new TestResult(testId, name, points, visible, outcome, message, expected, actual, value);
    }

    /**
     * What the student may see: everything of a visible test; of a hidden one its name, its points and whether it
     * passed. A check that could not judge it (the work did not compile, the grader broke down) says so.
     */
    public TestResult forStudent() {
        if (visible) {
            return this;
        }
        return switch (outcome) {
            case PASSED -> new TestResult(testId, name, points, false, outcome, "Passed.", null, null, "");
            case NOT_COMPILED, CRASHED -> new TestResult(testId, name, points, false, outcome, message, null, null, "");
            default ->
                new TestResult(
                        testId, name, points, false, TestOutcome.FAILED, "This hidden test failed.", null, null, "");
        };
    }

    public boolean passed() {
        return outcome == TestOutcome.PASSED;
    }

    public int earned() {
        return passed() ? points : 0;
    }
}
