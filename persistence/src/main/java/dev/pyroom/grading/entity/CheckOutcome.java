package dev.pyroom.grading.entity;

/** How a check as a whole ended. */
public enum CheckOutcome {
    /** Every test ran and has a result, passed or failed. */
    GRADED,
    /** The student's files do not compile: no test could run, and the check is not an attempt. */
    NOT_COMPILED,
    /** The grader itself broke down (it crashed, or its sandbox failed): tests without a result count as failed. */
    GRADER_FAILED
}
