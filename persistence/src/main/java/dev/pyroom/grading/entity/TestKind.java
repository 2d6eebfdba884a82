package dev.pyroom.grading.entity;

/** How a test checks a student's work. */
public enum TestKind {
    /** Runs a file with input and compares what it prints. */
    IO,
    /** Python test functions that import the student's modules. */
    UNIT
}
