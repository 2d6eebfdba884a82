package dev.pyroom.grading.entity;

/** Snapshots of the assignment wait for a grade: a due date passed, or an instructor asked for a re-grade. */
public record GradesRequested(long assignmentId) {}
