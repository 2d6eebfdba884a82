package dev.pyroom.lint.control;

import java.util.List;
import java.util.Locale;

/**
 * Sorts the compiler's syntax error messages into stable categories, so that an explanation can be found for a
 * message whatever names or line numbers it contains. Written against the messages of Python 3.11; an unknown
 * message falls into no category.
 */
final class SyntaxErrorCategory {

    private record Rule(String category, List<String> fragments) {}

    // First match wins: "cannot assign to literal here. Maybe you meant '=='..." is about the assignment, and
    // "f-string: invalid syntax. Perhaps you forgot a comma?" about the f-string.
    private static final List<Rule> RULES = List.of(
            new Rule("unclosed-bracket", List.of("was never closed")),
            new Rule("unmatched-bracket", List.of("unmatched '")),
            new Rule("mismatched-bracket", List.of("does not match opening parenthesis")),
            new Rule("unterminated-triple-quoted-string", List.of("unterminated triple-quoted string")),
            new Rule("unterminated-string", List.of("unterminated string literal", "eol while scanning")),
            new Rule("f-string", List.of("f-string")),
            new Rule("missing-colon", List.of("expected ':'")),
            new Rule("unexpected-indent", List.of("unexpected indent")),
            new Rule("unindent-mismatch", List.of("unindent does not match")),
            new Rule("missing-indented-block", List.of("expected an indented block")),
            new Rule("tabs-and-spaces", List.of("inconsistent use of tabs and spaces")),
            new Rule("missing-parentheses-in-call", List.of("missing parentheses in call to")),
            new Rule("missing-comma", List.of("perhaps you forgot a comma")),
            new Rule(
                    "invalid-assignment-target",
                    List.of("cannot assign to", "cannot delete", "illegal expression for augmented assignment")),
            new Rule("equals-instead-of-comparison", List.of("maybe you meant '=='", "perhaps you meant \"==\"")),
            new Rule("invalid-character", List.of("invalid character", "invalid non-printable character")),
            new Rule(
                    "invalid-number",
                    List.of(
                            "invalid decimal literal",
                            "invalid digit",
                            "leading zeros",
                            "invalid hexadecimal literal",
                            "invalid octal literal",
                            "invalid binary literal")),
            new Rule(
                    "outside-function",
                    List.of("'return' outside function", "'yield' outside function", "'await' outside function")),
            new Rule("outside-loop", List.of("'break' outside loop", "'continue' not properly in loop")),
            new Rule("positional-after-keyword", List.of("positional argument follows keyword argument")),
            new Rule("non-default-after-default", List.of("non-default argument follows default argument")),
            new Rule("missing-except", List.of("expected 'except' or 'finally' block")),
            new Rule("missing-parenthesis", List.of("expected '('")),
            new Rule("too-deeply-nested", List.of("too many nested parentheses", "too deeply nested")),
            new Rule("null-character", List.of("null bytes")),
            new Rule("duplicate-argument", List.of("duplicate argument")),
            new Rule("repeated-keyword-argument", List.of("keyword argument repeated")),
            new Rule("invalid-syntax", List.of("invalid syntax")));

    private SyntaxErrorCategory() {}

    /** The category of a compiler message, like {@code missing-colon}, or empty when it fits none. */
    static String of(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return RULES.stream()
                .filter(rule -> rule.fragments().stream().anyMatch(lower::contains))
                .map(Rule::category)
                .findFirst()
                .orElse("");
    }
}
