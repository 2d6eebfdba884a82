package dev.pyroom.grading.entity;

/** How one test ended. Only {@link #PASSED} earns its points. */
public enum TestOutcome {
    PASSED,
    /** The work ran and gave a wrong answer. */
    FAILED,
    /** The work raised an error, or ended during the test. */
    ERROR,
    TIMEOUT,
    /** The work does not compile. */
    NOT_COMPILED,
    /** The grader or its sandbox broke down: the test could not be judged. */
    CRASHED;

    public static TestOutcome fromGrader(String value) {
        return switch (value) {
            case "passed" -> PASSED;
            case "failed" -> FAILED;
            case "error" -> ERROR;
            case "timeout" -> TIMEOUT;
            case "not_compiled" -> NOT_COMPILED;
            default -> CRASHED;
        };
    }
}
