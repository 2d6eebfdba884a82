package dev.pyroom.lint.entity;

import java.util.Objects;

/**
 * A diagnostic explained in plain language, as plain text: the UI escapes it.
 *
 * @param key what the explanation was found under: a pylint symbol, or {@code syntax-error/<category>}
 * @param before a tiny program showing the problem, empty when there is no example
 * @param after the same program fixed, empty when there is no example
 * @param source who wrote the text
 */
public record Explanation(String key, String title, String text, String before, String after, Source source) {

    /** Who wrote an explanation. */
    public enum Source {
        /** Written for Pyroom's students, with an example. */
        PYROOM,
        /** pylint's own description of the message. */
        PYLINT,
        /** Nothing better was known: the diagnostic's own message. */
        MESSAGE
    }

    public Explanation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(source, "source");
    }

    public boolean hasExample() {
        return !before.isEmpty() && !after.isEmpty();
    }
}
