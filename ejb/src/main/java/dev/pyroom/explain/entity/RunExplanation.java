package dev.pyroom.explain.entity;

import java.util.Objects;

/**
 * Why a run ended badly, in plain language, as plain text: the UI adds it as text.
 *
 * @param key the pattern that matched ({@code name-error/did-you-mean}, {@code ending/time-limit})
 * @param exception the Python exception's class name, empty when the run ended without one (a limit stopped it)
 * @param suggestion what to try, with the names and values of this run; empty when there is no likely fix
 * @param file the workspace file the error points to, empty when it points to none
 * @param line the line in that file, 0 when unknown
 */
public record RunExplanation(
        String key, String exception, String title, String text, String suggestion, String file, int line) {

    public RunExplanation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(suggestion, "suggestion");
        Objects.requireNonNull(file, "file");
    }

    public boolean pointsToLine() {
        return !file.isEmpty() && line > 0;
    }
}
