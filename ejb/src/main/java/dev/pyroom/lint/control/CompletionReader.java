package dev.pyroom.lint.control;

import dev.pyroom.lint.entity.CompletionResult;
import dev.pyroom.lint.entity.CompletionResult.Hover;
import dev.pyroom.lint.entity.CompletionResult.Signature;
import dev.pyroom.lint.entity.CompletionResult.Suggestion;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/** Reads the completions, signatures and documentation of a worker's reply; a part it lacks is empty. */
final class CompletionReader {

    private CompletionReader() {}

    static CompletionResult read(long documentVersion, JsonObject reply) {
        try {
            return new CompletionResult(
                    documentVersion,
                    objects(reply, "completions").stream()
                            .map(fields -> new Suggestion(fields.getString("label"), fields.getString("kind")))
                            .toList(),
                    objects(reply, "signatures").stream()
                            .map(CompletionReader::signature)
                            .toList(),
                    reply.get("hover") instanceof JsonObject hover
                            ? Optional.of(new Hover(hover.getString("title"), hover.getString("doc")))
                            : Optional.empty());
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new LintException(LintException.Reason.WORKER_FAILED, "lint worker sent a malformed completion");
        }
    }

    private static Signature signature(JsonObject fields) {
        return new Signature(
                fields.getString("label"),
                fields.getJsonArray("parameters").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList(),
                fields.getInt("active"),
                fields.getString("doc"));
    }

    private static List<JsonObject> objects(JsonObject reply, String key) {
        return reply.get(key) instanceof JsonArray array
                ? array.stream().map(JsonValue::asJsonObject).toList()
                : List.of();
    }
}
