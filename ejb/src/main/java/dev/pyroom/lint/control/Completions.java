package dev.pyroom.lint.control;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.lint.control.LintException.Reason;
import dev.pyroom.lint.entity.CompletionRequest;
import dev.pyroom.lint.entity.CompletionResult;
import dev.pyroom.lint.entity.LintRequest;
import dev.pyroom.lint.entity.Tier;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Completion, signature help and documentation for the editor, from Jedi in the lint engine's fast workers: the same
 * sandboxed processes, and for each student the same checker of their own, as their fast checks. Safe to call from
 * many threads.
 */
public final class Completions {

    private final Linter linter;

    public Completions(Linter linter) {
        this.linter = Objects.requireNonNull(linter, "linter");
    }

    /**
     * Answers what the editor asks about a position of a document: names to complete, the call's signature, the
     * name's documentation. The fast tier's workers answer it in the tenant's own checker, the one that checks their
     * fast lint, so that the workspace files sent along are seen by no one else. A newer request for the same document
     * and the same answers replaces one still waiting, as for lint.
     *
     * <p>The workspace's other files are sent in path order while they fit, with the document, into the longest
     * document lint takes; those that do not fit are left out of the answer's view.
     *
     * @throws LintException as {@link Linter#lint(String, String, Tier, LintRequest)} does
     */
    public CompletionResult complete(String tenant, String document, CompletionRequest request) {
        if (request.source().length() > linter.settings().maxSourceChars()) {
            throw new LintException(
                    Reason.TOO_LARGE,
                    "the file has " + request.source().length() + " characters; completion reads files of up to "
                            + linter.settings().maxSourceChars());
        }
        JsonObjectBuilder files = JSON.createObjectBuilder();
        long room = linter.settings().maxSourceChars() - request.source().length();
        for (Map.Entry<String, String> file : new TreeMap<>(request.files()).entrySet()) {
            if (file.getValue().length() <= room) {
                files.add(file.getKey(), file.getValue());
                room -= file.getValue().length();
            }
        }
        JsonArrayBuilder wanted = JSON.createArrayBuilder();
        request.wanted().forEach(what -> wanted.add(what.name().toLowerCase(Locale.ROOT)));
        // Completion and signature help are asked for side by side: only a newer question of the same kind replaces
        // one.
        JsonObject reply = linter.askNewest(
                tenant,
                document + '\n' + request.wanted(),
                "complete",
                JSON.createObjectBuilder()
                        .add("filename", request.path())
                        .add("source", request.source())
                        .add("line", request.line())
                        .add("column", request.column())
                        .add("files", files)
                        .add("want", wanted),
                linter.settings().fastTimeout());
        return CompletionReader.read(request.documentVersion(), reply);
    }
}
