package dev.pyroom.lint.control;

import dev.pyroom.lint.entity.Diagnostic;
import dev.pyroom.lint.entity.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the diagnostics of a worker's reply. */
final class DiagnosticReader {

    private DiagnosticReader() {}

    static List<Diagnostic> read(Object diagnostics) {
        if (!(diagnostics instanceof List<?> list)) {
            throw new LintException(LintException.Reason.WORKER_FAILED, "lint worker sent no diagnostics");
        }
        return list.stream().map(item -> diagnostic((Map<?, ?>) item)).toList();
    }

    private static Diagnostic diagnostic(Map<?, ?> fields) {
        return new Diagnostic(
                number(fields, "line"),
                number(fields, "column"),
                number(fields, "endLine"),
                number(fields, "endColumn"),
                Severity.valueOf(text(fields, "severity").toUpperCase(Locale.ROOT)),
                text(fields, "code"),
                text(fields, "symbol"),
                text(fields, "message"));
    }

    private static int number(Map<?, ?> fields, String key) {
        return Math.toIntExact((Long) fields.get(key));
    }

    private static String text(Map<?, ?> fields, String key) {
        return (String) fields.get(key);
    }
}
