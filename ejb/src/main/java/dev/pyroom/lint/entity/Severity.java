package dev.pyroom.lint.entity;

/** How much a diagnostic matters: an error stops the program, a warning is probably a mistake, info is advice. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
