package dev.pyroom.lint.entity;

/** The two passes over a document: a fast one after every pause in typing, a deep one shortly after. */
public enum Tier {
    /** The compiler's syntax errors and pyflakes' findings, in milliseconds. */
    FAST,
    /** pylint, from a warm worker, in tens of milliseconds. */
    DEEP
}
