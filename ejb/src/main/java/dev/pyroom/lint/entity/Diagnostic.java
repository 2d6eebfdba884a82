package dev.pyroom.lint.entity;

import java.util.Objects;

/**
 * One problem found in a document, located the way an editor counts: lines and columns start at 1, columns count
 * UTF-16 code units, and the end is exclusive. When the tool gives no end, the end equals the start and an editor
 * marks the word there.
 *
 * @param code pylint's message id, like {@code E0602}; {@code E0001} for every syntax error
 * @param symbol pylint's name for the message, like {@code undefined-variable}
 * @param message the tool's own sentence about this occurrence, as plain text
 */
public record Diagnostic(
        int line,
        int column,
        int endLine,
        int endColumn,
        Severity severity,
        String code,
        String symbol,
        String message) {

    public static final String SYNTAX_ERROR_CODE = "E0001";

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions start at 1: " + line + ":" + column);
        }
        if (endLine < line || (endLine == line && endColumn < column)) {
            throw new IllegalArgumentException(
                    "end before start: " + line + ":" + column + "-" + endLine + ":" + endColumn);
        }
    }

    public boolean isSyntaxError() {
        return SYNTAX_ERROR_CODE.equals(code);
    }
}
