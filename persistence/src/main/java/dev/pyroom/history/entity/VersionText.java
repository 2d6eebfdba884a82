package dev.pyroom.history.entity;

/** The text of one saved version of a file. */
public record VersionText(long id, String path, String content) {}
