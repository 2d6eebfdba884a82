package dev.pyroom.grading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.grading.entity.OutputComparison;
import org.junit.jupiter.api.Test;

class OutputMatchTest {

    @Test
    void exactComparisonTakesEveryCharacterIntoAccount() {
        assertTrue(OutputMatch.compare("5\n", "5\n", OutputComparison.EXACT, 0).matched());
        assertFalse(
                OutputMatch.compare("5 \n", "5\n", OutputComparison.EXACT, 0).matched());
        assertFalse(OutputMatch.compare("5", "5\n", OutputComparison.EXACT, 0).matched());
    }

    @Test
    void trimmedComparisonIgnoresTrailingSpacesAndBlankLinesAtTheEnd() {
        assertTrue(OutputMatch.compare("a  \r\nb\n\n\n", "a\nb", OutputComparison.TRIMMED, 0)
                .matched());
        assertFalse(OutputMatch.compare(" a\nb", "a\nb", OutputComparison.TRIMMED, 0)
                .matched());
    }

    @Test
    void aDifferenceNamesItsFirstLine() {
        assertEquals(
                "Line 2 of the output differs from the expected line.",
                OutputMatch.compare("1\n3\n4", "1\n2\n4", OutputComparison.TRIMMED, 0)
                        .message());
        assertEquals(
                "The output ends after line 1; more lines were expected.",
                OutputMatch.compare("1", "1\n2", OutputComparison.TRIMMED, 0).message());
        assertEquals(
                "The output has more lines than expected, from line 2 on.",
                OutputMatch.compare("1\n2", "1", OutputComparison.TRIMMED, 0).message());
    }

    @Test
    void regexComparisonMatchesTheWholeOutput() {
        assertTrue(OutputMatch.compare("Total: 42\n", "Total: \\d+", OutputComparison.REGEX, 0)
                .matched());
        assertFalse(OutputMatch.compare("Total: 42 apples", "Total: \\d+", OutputComparison.REGEX, 0)
                .matched());
    }

    @Test
    void aCatastrophicExpressionIsStoppedInsteadOfHoldingTheCheck() {
        String output = "a".repeat(29) + "b".repeat(40);

        var verdict = OutputMatch.compare(output, "(.*a){30}", OutputComparison.REGEX, 0);

        assertFalse(verdict.matched());
        assertEquals("The output could not be compared with the expected form in time.", verdict.message());
    }

    @Test
    void numericComparisonAcceptsNumbersWithinTheTolerance() {
        assertTrue(OutputMatch.compare("area 3.14159\n", "area 3.1416", OutputComparison.NUMERIC, 0.001)
                .matched());
        var verdict = OutputMatch.compare("area 3.2", "area 3.1416", OutputComparison.NUMERIC, 0.001);
        assertFalse(verdict.matched());
        assertEquals("Value 2 of the output, 3.2, differs from the expected 3.1416.", verdict.message());
        assertFalse(
                OutputMatch.compare("1 2", "1 2 3", OutputComparison.NUMERIC, 0).matched());
        assertFalse(
                OutputMatch.compare("NaN", "NaN x", OutputComparison.NUMERIC, 1).matched());
    }
}
