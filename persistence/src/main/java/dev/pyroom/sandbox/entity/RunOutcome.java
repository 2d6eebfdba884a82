package dev.pyroom.sandbox.entity;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * How one finished run went, as stored for the instructor's view.
 *
 * @param ending why the run ended (a {@code RunEnding} name)
 * @param exitCode the program's exit status when it ended by itself
 * @param errorName the Python exception that ended the program, like {@code NameError}, or null
 * @param outputTail the last part of what the program wrote
 */
public record RunOutcome(
        long workspaceId,
        long userId,
        String entryFile,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        String ending,
        int exitCode,
        String errorName,
        String outputTail,
        boolean outputTruncated) {

    public RunOutcome {
        Objects.requireNonNull(entryFile, "entryFile");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(outputTail, "outputTail");
    }

    /** Short words for a table cell: "ok", "NameError", "error (exit 1)", "timed out", ... */
    public String summary() {
        return summary(ending, exitCode, errorName);
    }

    /** @see #summary() */
    public static String summary(String ending, int exitCode, String errorName) {
        if (!"EXITED".equals(ending)) {
            return ending.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (exitCode == 0) {
            return "ok";
        }
        return errorName == null ? "error (exit " + exitCode + ")" : errorName;
    }
}
