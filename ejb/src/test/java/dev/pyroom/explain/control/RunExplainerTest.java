package dev.pyroom.explain.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.explain.entity.RunExplanation;
import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunResult;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The matching alone, on tracebacks as Python 3.11 writes them; BubblewrapExplanationTest runs real programs. */
class RunExplainerTest {

    private static final RunExplainer EXPLAINER = RunExplainer.load();
    private static final RunResult FAILED = new RunResult(RunEnding.EXITED, 1, Duration.ofMillis(20), false);

    @Test
    void hasAtLeastThirtyPatternsWithDistinctKeysAndACatchAllLast() {
        List<String> keys = EXPLAINER.keys();

        assertTrue(keys.size() >= 30, keys.toString());
        assertEquals(keys.size(), new HashSet<>(keys).size());
        assertEquals("exception", keys.get(keys.size() - 1));
    }

    @Test
    void suggestsTheNamePythonOffers() {
        RunExplanation explanation = explain("""
                Traceback (most recent call last):
                  File "/workspace/main.py", line 2, in <module>
                    print(mesage)
                          ^^^^^^
                NameError: name 'mesage' is not defined. Did you mean: 'message'?
                """).orElseThrow();

        assertEquals("name-error/did-you-mean", explanation.key());
        assertEquals("NameError", explanation.exception());
        assertEquals("main.py", explanation.file());
        assertEquals(2, explanation.line());
        assertEquals("Did you mean message? Change mesage to message on line 2.", explanation.suggestion());
    }

    @Test
    void namesTheIndexOfAnIndexErrorFromTheMarks() {
        RunExplanation explanation = explain("""
                Traceback (most recent call last):
                  File "/workspace/main.py", line 2, in <module>
                    print(scores[len(scores)])
                          ~~~~~~^^^^^^^^^^^^^
                IndexError: list index out of range
                """).orElseThrow();

        assertTrue(
                explanation.suggestion().startsWith("Position len(scores) is past the end of scores."),
                explanation.suggestion());
    }

    @Test
    void namesTheIndexOfALineWithoutMarksWhenTheLineHasOneSubscript() {
        RunExplanation explanation = explain("""
                Traceback (most recent call last):
                  File "/workspace/main.py", line 2, in <module>
                    items[3]
                IndexError: list index out of range
                """).orElseThrow();

        assertTrue(
                explanation.suggestion().startsWith("Position 3 is past the end of items."), explanation.suggestion());
    }

    @Test
    void fallsBackToASuggestionWithoutValuesWhenTheLineIsUnknown() {
        RunExplanation explanation = explain("""
                IndexError: list index out of range
                """).orElseThrow();

        assertEquals("index-error/list", explanation.key());
        assertFalse(explanation.pointsToLine());
        assertTrue(explanation.suggestion().startsWith("Positions count from 0"), explanation.suggestion());
    }

    @Test
    void suggestsAModuleOnlyForANearMiss() {
        assertEquals(
                "module-not-found/misspelt",
                explain(moduleNotFound("maths")).orElseThrow().key());
        assertEquals(
                "Did you mean random? Write import random.",
                explain(moduleNotFound("randon")).orElseThrow().suggestion());
        assertEquals(
                "module-not-found",
                explain(moduleNotFound("numpy")).orElseThrow().key());
    }

    @Test
    void explainsAnyOtherExceptionInGeneral() {
        RunExplanation explanation = explain("""
                Traceback (most recent call last):
                  File "/workspace/main.py", line 1, in <module>
                    raise RuntimeError('boom')
                RuntimeError: boom
                """).orElseThrow();

        assertEquals("exception", explanation.key());
        assertEquals("Look at line 1 of main.py. Python's message: RuntimeError: boom", explanation.suggestion());
    }

    @Test
    void explainsALimitWithTheLimitsValue() {
        RunResult timedOut = new RunResult(RunEnding.TIMED_OUT, 0, Duration.ofSeconds(3), false);

        RunExplanation explanation = EXPLAINER
                .explain("", timedOut, RunLimits.DEFAULTS.withWallTime(Duration.ofSeconds(3)))
                .orElseThrow();

        assertEquals("ending/time-limit", explanation.key());
        assertEquals("", explanation.exception());
        assertTrue(explanation.suggestion().startsWith("Programs here may run for 3 s."), explanation.suggestion());
    }

    @Test
    void explainsNothingForARunThatFinishedOrWasStopped() {
        String traceback = "Traceback (most recent call last):\nValueError: x\n";

        assertTrue(EXPLAINER
                .explain(traceback, new RunResult(RunEnding.EXITED, 0, Duration.ZERO, false), RunLimits.DEFAULTS)
                .isEmpty());
        assertTrue(EXPLAINER
                .explain(traceback, RunResult.stopped(Duration.ZERO), RunLimits.DEFAULTS)
                .isEmpty());
        assertTrue(EXPLAINER
                .explain("", new RunResult(RunEnding.EXITED, 3, Duration.ZERO, false), RunLimits.DEFAULTS)
                .isEmpty());
    }

    @Test
    void fillsASuggestionOnlyWhenEveryValueIsThere() {
        assertEquals(Optional.of("a 1 b"), ErrorPattern.fill("a ${x} b", Map.of("x", "1")));
        assertEquals(Optional.empty(), ErrorPattern.fill("a ${x} b ${y}", Map.of("x", "1")));
        assertEquals(Optional.of("f'{age}' $1"), ErrorPattern.fill("f'{age}' ${x}", Map.of("x", "$1")));
    }

    @Test
    void measuresEditDistance() {
        assertEquals(1, EditDistance.between("maths", "math"));
        assertEquals(2, EditDistance.between("radnom", "random"));
        assertEquals(0, EditDistance.between("os", "os"));
    }

    private static String moduleNotFound(String module) {
        return "Traceback (most recent call last):\n  File \"/workspace/main.py\", line 1, in <module>\n    import "
                + module + "\nModuleNotFoundError: No module named '" + module + "'\n";
    }

    private static Optional<RunExplanation> explain(String stderr) {
        return EXPLAINER.explain(stderr, FAILED, RunLimits.DEFAULTS);
    }
}
