package dev.pyroom.lint.control;

import dev.pyroom.lint.entity.Diagnostic;
import dev.pyroom.lint.entity.Severity;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;

/** Reads the diagnostics of a worker's reply. */
final class DiagnosticReader {

    private DiagnosticReader() {}

    static List<Diagnostic> read(JsonObject reply) {
        if (!(reply.get("diagnostics") instanceof JsonArray diagnostics)) {
            throw new LintException(LintException.Reason.WORKER_FAILED, "lint worker sent no diagnostics");
        }
        try {
            return diagnostics.stream()
                    .map(JsonValue::asJsonObject)
                    .map(DiagnosticReader::diagnostic)
                    .toList();
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new LintException(LintException.Reason.WORKER_FAILED, "lint worker sent a malformed diagnostic");
        }
    }

    private static Diagnostic diagnostic(JsonObject fields) {
        return new Diagnostic(
                fields.getInt("line"),
                fields.getInt("column"),
                fields.getInt("endLine"),
                fields.getInt("endColumn"),
                Severity.valueOf(fields.getString("severity").toUpperCase(Locale.ROOT)),
                fields.getString("code"),
                fields.getString("symbol"),
                fields.getString("message"));
    }
}
