package dev.pyroom.lint.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One version of one document to check.
 *
 * @param documentVersion the editor's version number of the document, handed back with the result
 * @param filename a bare file name ending in {@code .py}; it names the module in messages, no file is read or written
 * @param source the whole text of the document
 */
public record LintRequest(long documentVersion, String filename, String source) {

    private static final Pattern FILENAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_ .-]{0,99}\\.py");

    public LintRequest {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(source, "source");
        if (!FILENAME.matcher(filename).matches()) {
            throw new IllegalArgumentException("not a plain Python file name: " + filename);
        }
    }
}
