package dev.pyroom.lint.entity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the editor was asked about one position: names to complete, the signature of the call around it, and the
 * documentation of the name under it. Parts that were not asked for are empty.
 */
public record CompletionResult(
        long documentVersion, List<Suggestion> suggestions, List<Signature> signatures, Optional<Hover> hover) {

    public CompletionResult {
        suggestions = List.copyOf(suggestions);
        signatures = List.copyOf(signatures);
        Objects.requireNonNull(hover, "hover");
    }

    /**
     * A name that may be typed at the position.
     *
     * @param kind Jedi's kind of name: module, class, function, instance, keyword, statement, param, path, property
     */
    public record Suggestion(String label, String kind) {
        public Suggestion {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * A signature of the called function.
     *
     * @param label the whole signature, {@code print(*values: object, sep: ...)}
     * @param parameters each parameter as the label writes it
     * @param activeParameter the index of the parameter at the position, or -1
     */
    public record Signature(String label, List<String> parameters, int activeParameter, String documentation) {
        public Signature {
            Objects.requireNonNull(label, "label");
            parameters = List.copyOf(parameters);
            Objects.requireNonNull(documentation, "documentation");
        }
    }

    /** The documentation of a name, under its full name ({@code builtins.len}). */
    public record Hover(String title, String documentation) {
        public Hover {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(documentation, "documentation");
        }
    }
}
