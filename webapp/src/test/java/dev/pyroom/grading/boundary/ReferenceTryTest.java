package dev.pyroom.grading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.grading.entity.CheckReport;
import dev.pyroom.grading.entity.TestOutcome;
import dev.pyroom.grading.entity.TestResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceTryTest {

    @Test
    void aTestTheReferenceFailsIsFlaggedAndATestTheGraderCouldNotJudgeIsNot() {
        ReferenceTry tried = new ReferenceTry(
                CheckReport.of(List.of(
                        result("greets", 2, TestOutcome.PASSED, null, null),
                        result("greets the world", 3, TestOutcome.FAILED, "Hello, World!\n", "Hello, Pyroom!\n"),
                        result("loops", 1, TestOutcome.TIMEOUT, null, null),
                        result("imports", 1, TestOutcome.CRASHED, null, null))),
                false);

        List<ReferenceTry.Row> rows = tried.rows();

        assertFalse(rows.get(0).failsReference());
        assertTrue(rows.get(1).failsReference());
        assertTrue(rows.get(1).showsComparison());
        assertEquals("outcome-failed fails-reference", rows.get(1).styleClass());
        assertTrue(rows.get(2).failsReference());
        assertFalse(rows.get(3).failsReference());
        assertEquals("Not judged", rows.get(3).outcome());
        assertTrue(tried.graderFailed());
        assertEquals("Your reference solution passes 1 of 4 tests · 2/7 points.", tried.summary());
        assertEquals(
                "2 tests fail your reference solution: fix them or the solution before students meet them.",
                tried.flagSummary());
    }

    @Test
    void aReferenceThatPassesEverythingFlagsNothingAndOneThatDoesNotCompileSaysWhy() {
        ReferenceTry passing =
                new ReferenceTry(CheckReport.of(List.of(result("greets", 1, TestOutcome.PASSED, "a", "a"))), false);
        ReferenceTry broken = new ReferenceTry(
                CheckReport.of(List.of(result("greets", 1, TestOutcome.NOT_COMPILED, null, null))), true);

        assertEquals("", passing.flagSummary());
        assertFalse(passing.rows().get(0).showsComparison());
        assertTrue(broken.notCompiled());
        assertEquals("greets", broken.compileFailure().name());
        assertNull(passing.compileFailure());
    }

    private static TestResult result(String name, int points, TestOutcome outcome, String expected, String actual) {
        return new TestResult(1, name, points, false, outcome, "message", expected, actual, "");
    }
}
