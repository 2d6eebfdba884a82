package dev.pyroom.grading.entity;

/** How the output of an I/O test is compared with the expected output. */
public enum OutputComparison {
    /** Byte for byte. */
    EXACT,
    /** Line by line, ignoring whitespace at the end of each line and blank lines at the end. */
    TRIMMED,
    /** The whole output matches the regular expression. */
    REGEX,
    /** The same words in the same order, numbers equal within the tolerance. */
    NUMERIC
}
