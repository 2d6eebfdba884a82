package dev.pyroom.grading.boundary;

import dev.pyroom.grading.entity.OutputComparison;
import java.util.Arrays;
import java.util.List;

/** The ways an I/O test's output can be compared, in the words the tests page offers them. */
public record Comparisons(OutputComparison value, String label, String explanation) {

    public static final List<Comparisons> ALL =
            Arrays.stream(OutputComparison.values()).map(Comparisons::of).toList();

    public static Comparisons of(OutputComparison comparison) {
        return switch (comparison) {
            case EXACT ->
                new Comparisons(comparison, "Exactly", "Every character must match, spaces and line breaks included.");
            case TRIMMED ->
                new Comparisons(
                        comparison,
                        "Ignoring trailing whitespace",
                        "Line by line; spaces at the end of a line and blank lines at the end do not count.");
            case REGEX ->
                new Comparisons(
                        comparison,
                        "Regular expression",
                        "The expected output is a regular expression (Java syntax) the whole output must match.");
            case NUMERIC ->
                new Comparisons(
                        comparison,
                        "Numbers within a tolerance",
                        "The same words in the same order; numbers may differ by at most the tolerance.");
        };
    }
}
