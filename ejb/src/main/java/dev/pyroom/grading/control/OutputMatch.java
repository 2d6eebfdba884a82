package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.OutputComparison;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Compares a program's output with what an I/O test expects. */
final class OutputMatch {

    /** An instructor's expression against a student's output may backtrack for ever: it gets this long. */
    static final Duration REGEX_BUDGET = Duration.ofSeconds(2);

    /** Whether the output matched, and if not a sentence saying where it first differs. */
    record Verdict(boolean matched, String message) {

        static Verdict matches() {
            return new Verdict(true, "");
        }
    }

    private OutputMatch() {}

    static Verdict compare(String actual, String expected, OutputComparison comparison, double tolerance) {
        return switch (comparison) {
            case EXACT -> actual.equals(expected) ? Verdict.matches() : firstDifference(lines(actual), lines(expected));
            case TRIMMED -> firstDifference(trimmedLines(actual), trimmedLines(expected));
            case REGEX -> regex(actual, expected);
            case NUMERIC -> numeric(actual, expected, tolerance);
        };
    }

    private static Verdict firstDifference(List<String> actual, List<String> expected) {
        if (actual.equals(expected)) {
            return Verdict.matches();
        }
        int common = Math.min(actual.size(), expected.size());
        for (int line = 0; line < common; line++) {
            if (!actual.get(line).equals(expected.get(line))) {
                return new Verdict(false, "Line " + (line + 1) + " of the output differs from the expected line.");
            }
        }
        if (actual.size() < expected.size()) {
            return new Verdict(false, "The output ends after line " + actual.size() + "; more lines were expected.");
        }
        return new Verdict(false, "The output has more lines than expected, from line " + (common + 1) + " on.");
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    private static List<String> trimmedLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            lines.add(line.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static Verdict regex(String actual, String expression) {
        CharSequence output =
                new DeadlineCharSequence(actual.stripTrailing(), System.nanoTime() + REGEX_BUDGET.toNanos());
        try {
            return Pattern.compile(expression).matcher(output).matches()
                    ? Verdict.matches()
                    : new Verdict(false, "The output does not have the expected form.");
        } catch (DeadlineCharSequence.Expired e) {
            return new Verdict(false, "The output could not be compared with the expected form in time.");
        }
    }

    private static Verdict numeric(String actual, String expected, double tolerance) {
        String[] actualWords = words(actual);
        String[] expectedWords = words(expected);
        int common = Math.min(actualWords.length, expectedWords.length);
        for (int index = 0; index < common; index++) {
            if (!sameWord(actualWords[index], expectedWords[index], tolerance)) {
                return new Verdict(
                        false,
                        "Value " + (index + 1) + " of the output, " + actualWords[index]
                                + ", differs from the expected " + expectedWords[index] + ".");
            }
        }
        if (actualWords.length != expectedWords.length) {
            return new Verdict(
                    false,
                    "The output has " + actualWords.length + " values; " + expectedWords.length + " were expected.");
        }
        return Verdict.matches();
    }

    private static String[] words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
    }

    private static boolean sameWord(String actual, String expected, double tolerance) {
        if (actual.equals(expected)) {
            return true;
        }
        try {
            return Math.abs(Double.parseDouble(actual) - Double.parseDouble(expected)) <= tolerance;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
