package dev.pyroom.lint.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.lint.entity.Diagnostic;
import dev.pyroom.lint.entity.Explanation;
import dev.pyroom.lint.entity.LintRequest;
import dev.pyroom.lint.entity.Severity;
import dev.pyroom.lint.entity.Tier;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(SharedLinter.class)
class ExplanationsTest {

    /** The messages beginners meet most, which must have Pyroom's own explanation. */
    private static final List<String> ESSENTIAL = List.of(
            "undefined-variable",
            "unused-variable",
            "unused-import",
            "syntax-error",
            "syntax-error/unclosed-bracket",
            "syntax-error/missing-colon",
            "syntax-error/unexpected-indent",
            "syntax-error/unindent-mismatch",
            "syntax-error/unterminated-string",
            "too-many-function-args",
            "no-value-for-parameter",
            "unreachable",
            "used-before-assignment",
            "comparison-with-itself",
            "singleton-comparison",
            "redefined-builtin",
            "unused-argument",
            "bare-except",
            "broad-exception-caught",
            "pointless-statement",
            "self-assigning-variable",
            "dangerous-default-value",
            "inconsistent-return-statements",
            "no-else-return",
            "consider-using-with",
            "unspecified-encoding",
            "f-string-without-interpolation",
            "not-callable",
            "no-member",
            "unsubscriptable-object");

    /** HTML tags and entities, Markdown emphasis, code spans and links. */
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!][^>]*>|&[a-z]+;|`|\\*\\*|\\]\\(");

    private static final Explanations OWN = Explanations.load(symbol -> Optional.empty());

    static Stream<String> pylintKeys() {
        return OWN.keys().stream().filter(key -> !key.startsWith(Explanations.SYNTAX_ERROR));
    }

    static Stream<String> syntaxKeys() {
        return OWN.keys().stream().filter(key -> key.startsWith(Explanations.SYNTAX_ERROR + "/"));
    }

    @Test
    void coversAtLeastFortyMessagesIncludingTheEssentialOnes() {
        assertTrue(OWN.keys().size() >= 40, () -> "only " + OWN.keys().size());
        assertEquals(
                List.of(),
                ESSENTIAL.stream().filter(key -> OWN.find(key).isEmpty()).toList());
    }

    @ParameterizedTest
    @MethodSource("allKeys")
    void everyExplanationHasPlainTextAndAnExample(String key) {
        Explanation explanation = OWN.find(key).orElseThrow();

        assertEquals(Explanation.Source.PYROOM, explanation.source());
        assertTrue(explanation.hasExample());
        assertNotEquals(explanation.before(), explanation.after());
        for (String text : List.of(explanation.title(), explanation.text())) {
            assertFalse(text.isBlank());
            assertFalse(MARKUP.matcher(text).find(), text);
        }
    }

    static Stream<String> allKeys() {
        return OWN.keys().stream();
    }

    @ParameterizedTest
    @MethodSource("pylintKeys")
    void pylintExampleShowsTheMessageAndItsFixDoesNot(String symbol, Linter linter) {
        Explanation explanation = OWN.find(symbol).orElseThrow();

        assertTrue(symbols(linter, explanation.before()).contains(symbol), explanation::before);
        assertFalse(symbols(linter, explanation.after()).contains(symbol), explanation::after);
    }

    @ParameterizedTest
    @MethodSource("syntaxKeys")
    void syntaxExampleFallsInItsCategoryAndItsFixCompiles(String key, Linter linter) {
        Explanation explanation = OWN.find(key).orElseThrow();

        List<Diagnostic> before = lint(linter, Tier.FAST, explanation.before());
        assertTrue(before.stream().anyMatch(Diagnostic::isSyntaxError), explanation::before);
        assertEquals(key, OWN.explain(before.get(0)).key());
        assertTrue(lint(linter, Tier.FAST, explanation.after()).stream().noneMatch(Diagnostic::isSyntaxError));
    }

    @Test
    void explainsFindingsOfBothTiersAlike(Linter linter) {
        Explanations explanations = Explanations.load(linter);
        String source = "import math\nprint(scroe)\n";

        for (Tier tier : Tier.values()) {
            List<String> keys =
                    linter.lint("a-student", tier, new LintRequest(1, "main.py", source)).diagnostics().stream()
                            .map(found -> explanations.explain(found).key())
                            .toList();
            assertEquals(List.of("unused-import", "undefined-variable"), keys, tier.name());
        }
    }

    @Test
    void otherPylintMessagesGetPylintsOwnDescription(Linter linter) {
        Explanation explanation = Explanations.load(linter)
                .explain(diagnostic("R1728", "consider-using-generator", "Consider using a generator"));

        assertEquals(Explanation.Source.PYLINT, explanation.source());
        assertEquals("Consider using generator", explanation.title());
        assertTrue(explanation.text().contains("generator"), explanation.text());
        assertFalse(explanation.hasExample());
    }

    @Test
    void unknownMessagesAreExplainedByTheirOwnWords(Linter linter) {
        Explanation explanation = Explanations.load(linter)
                .explain(diagnostic("F405", "maybe-from-wildcard-import", "'x' may be undefined"));

        assertEquals(Explanation.Source.MESSAGE, explanation.source());
        assertEquals("'x' may be undefined", explanation.text());
    }

    @Test
    void uncategorisedSyntaxErrorsGetTheGeneralExplanation() {
        Explanation explanation =
                OWN.explain(diagnostic("E0001", "syntax-error", "nonlocal declaration not allowed at module level"));

        assertEquals(Explanations.SYNTAX_ERROR, explanation.key());
    }

    private static List<String> symbols(Linter linter, String source) {
        return lint(linter, Tier.DEEP, source).stream().map(Diagnostic::symbol).toList();
    }

    private static List<Diagnostic> lint(Linter linter, Tier tier, String source) {
        return linter.lint("a-student", tier, new LintRequest(1, "main.py", source))
                .diagnostics();
    }

    private static Diagnostic diagnostic(String code, String symbol, String message) {
        return new Diagnostic(1, 1, 1, 1, Severity.WARNING, code, symbol, message);
    }
}
