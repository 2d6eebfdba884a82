package dev.pyroom.classroom.boundary;

/**
 * An assignment just published.
 *
 * @param tests how many tests came with it from the workspace's tests folder
 */
public record PublishedAssignment(long id, int tests) {}
