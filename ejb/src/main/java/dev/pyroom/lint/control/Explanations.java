package dev.pyroom.lint.control;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.lint.entity.Diagnostic;
import dev.pyroom.lint.entity.Explanation;
import dev.pyroom.lint.entity.Explanation.Source;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Plain-language explanations of diagnostics: Pyroom's own for the messages beginners meet most, keyed by pylint
 * symbol or by {@code syntax-error/<category>}; pylint's description for every other pylint message; the
 * diagnostic's own message when nothing else is known.
 */
public final class Explanations {

    static final String RESOURCE = "/lint/explanations.json";
    static final String SYNTAX_ERROR = "syntax-error";

    private final Map<String, Explanation> bySymbol;
    private final Map<String, Explanation> byCode;
    private final Function<String, Optional<PylintMessage>> pylint;
    private final Map<String, Optional<PylintMessage>> pylintMessages = new ConcurrentHashMap<>();

    private Explanations(
            Map<String, Explanation> bySymbol,
            Map<String, Explanation> byCode,
            Function<String, Optional<PylintMessage>> pylint) {
        this.bySymbol = bySymbol;
        this.byCode = byCode;
        this.pylint = pylint;
    }

    /** Pyroom's explanations, falling back to what the linter's pylint says about its other messages. */
    public static Explanations load(Linter linter) {
        return load(linter::describe);
    }

    static Explanations load(Function<String, Optional<PylintMessage>> pylint) {
        Map<String, Explanation> bySymbol = new LinkedHashMap<>();
        Map<String, Explanation> byCode = new LinkedHashMap<>();
        readResource().forEach((key, value) -> {
            JsonObject fields = value.asJsonObject();
            Explanation explanation = new Explanation(
                    key,
                    field(fields, "title"),
                    field(fields, "text"),
                    field(fields, "before"),
                    field(fields, "after"),
                    Source.PYROOM);
            bySymbol.put(key, explanation);
            if (fields.get("code") instanceof JsonString code) {
                byCode.put(code.getString(), explanation);
            }
        });
        if (!bySymbol.containsKey(SYNTAX_ERROR)) {
            throw new IllegalStateException(RESOURCE + " lacks the general " + SYNTAX_ERROR + " explanation");
        }
        return new Explanations(Map.copyOf(bySymbol), Map.copyOf(byCode), pylint);
    }

    /** The best explanation known for a diagnostic; never fails, though it may only repeat the message. */
    public Explanation explain(Diagnostic diagnostic) {
        if (diagnostic.isSyntaxError()) {
            String category = SyntaxErrorCategory.of(diagnostic.message());
            return find(SYNTAX_ERROR + "/" + category).orElse(bySymbol.get(SYNTAX_ERROR));
        }
        return find(diagnostic.symbol())
                .or(() -> Optional.ofNullable(byCode.get(diagnostic.code())))
                .orElseGet(() -> fromPylint(diagnostic));
    }

    /** Pyroom's own explanation under a key: a pylint symbol, or {@code syntax-error/<category>}. */
    public Optional<Explanation> find(String key) {
        return Optional.ofNullable(bySymbol.get(key));
    }

    /** The keys of Pyroom's own explanations. */
    public Set<String> keys() {
        return bySymbol.keySet();
    }

    private Explanation fromPylint(Diagnostic diagnostic) {
        String symbol = diagnostic.symbol();
        Optional<PylintMessage> message = pylintMessages.get(symbol);
        if (message == null) {
            try {
                message = pylint.apply(symbol);
                pylintMessages.put(symbol, message);
            } catch (LintException e) {
                // Not remembered: the next diagnostic asks pylint again.
                message = Optional.empty();
            }
        }
        String title = titleOf(symbol);
        return message.map(found -> new Explanation(symbol, title, found.description(), "", "", Source.PYLINT))
                .orElseGet(() -> new Explanation(symbol, title, diagnostic.message(), "", "", Source.MESSAGE));
    }

    private static String titleOf(String symbol) {
        String words = symbol.replace('-', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static String field(JsonObject fields, String name) {
        if (!(fields.get(name) instanceof JsonString text) || text.getString().isBlank()) {
            throw new IllegalStateException(RESOURCE + ": an explanation lacks its " + name + ": " + fields);
        }
        return text.getString();
    }

    private static JsonObject readResource() {
        try (InputStream in = Explanations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return JSON.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
