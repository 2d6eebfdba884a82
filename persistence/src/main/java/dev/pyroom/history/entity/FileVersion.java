package dev.pyroom.history.entity;

import java.time.OffsetDateTime;

/**
 * One saved version of a file, as a replay shows it.
 *
 * @param lint what lint found in this text, or null when no lint result of it is known
 * @param runAfter how the last run before the file's next version went ("ok", "NameError", ...), or null when none
 *     ran
 */
public record FileVersion(long id, String path, OffsetDateTime savedAt, VersionLint lint, String runAfter) {}
