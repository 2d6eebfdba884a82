package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunRequest;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grading unit tests of a student's module: what each outcome means and what the grader reports with it. */
abstract class GraderContract extends GraderHarness {

    private static final String ADDER = """
            def add(a, b):
                print('adding', a, b)
                return a + b
            """;

    @Test
    void passesAndFailsPytestStyleTests() throws Exception {
        write("solution.py", ADDER);

        Grading grading = grade(
                "from solution import add\n\ndef test_add():\n    assert add(2, 3) == 5\n",
                "from solution import add\n\ndef test_add():\n    assert add(2, 2) == 5\n",
                "import solution\n\ndef test_literal_first():\n    assert 7 < solution.add(1, 2)\n");

        grading.assertComplete(3);
        assertEquals("passed", grading.outcome("1"));
        JsonObject failed = grading.test("2");
        assertEquals("failed", failed.getString("outcome"));
        assertEquals("expected 5, got 4", failed.getString("message"));
        assertEquals("5", failed.getString("expected"));
        assertEquals("4", failed.getString("actual"));
        assertEquals("adding 2 2\n", failed.getString("output"));
        assertEquals("expected a value > 7, got 3", grading.message("3"));
        assertEquals(RunEnding.EXITED, grading.result().ending());
    }

    @Test
    void runsUnittestTestCases() throws Exception {
        write("stack.py", """
                class Stack:
                    def __init__(self):
                        self.items = []
                    def push(self, item):
                        self.items.append(item)
                    def pop(self):
                        return self.items.pop()
                    def __len__(self):
                        return len(self.items)
                """);
        String testCase = """
                import unittest
                from stack import Stack

                class StackTest(unittest.TestCase):
                    def test_push_and_pop(self):
                        stack = Stack()
                        stack.push(3)
                        self.assertEqual(len(stack), 1)
                        self.assertEqual(stack.pop(), %d)
                        self.assertEqual(len(stack), 0)
                """;

        Grading grading = grade(testCase.formatted(3), testCase.formatted(4));

        assertEquals("passed", grading.outcome("1"));
        assertEquals("failed", grading.outcome("2"));
        assertEquals("3 != 4", grading.message("2"));
    }

    @Test
    void raisesTheStudentsExceptionsAsBuiltinOnes() throws Exception {
        write("solution.py", """
                class Empty(IndexError):
                    pass

                def root(x):
                    if x < 0:
                        raise ValueError('negative')
                    return x ** 0.5

                def take():
                    raise Empty('nothing left')
                """);

        Grading grading = grade("""
                import unittest
                import solution

                class RootTest(unittest.TestCase):
                    def test_negative(self):
                        with self.assertRaises(ValueError):
                            solution.root(-1)
                    def test_own_exception(self):
                        with self.assertRaises(solution.Empty):
                            solution.take()
                        with self.assertRaises(IndexError):
                            solution.take()
                """, "from solution import root\n\ndef test_root():\n    assert root(-4) == 2\n");

        assertEquals("passed", grading.outcome("1"), grading.stdout());
        assertEquals("error", grading.outcome("2"));
        assertEquals("ValueError: negative (solution.py, line 6)", grading.message("2"));
    }

    @Test
    void letsTheTestsShareTheStudentsProcessAsPytestSharesModules() throws Exception {
        write(
                "counter.py",
                "calls = []\n\ndef bump():\n    calls.append(1)\n    print('bump', len(calls))\n"
                        + "    return len(calls)\n");

        Grading grading = grade(
                "from counter import bump\n\ndef test_first_bump():\n    assert bump() == 1\n",
                "from counter import bump\n\ndef test_second_bump():\n    assert bump() == 2\n");

        assertEquals("passed", grading.outcome("1"), grading.message("1"));
        assertEquals("passed", grading.outcome("2"), grading.message("2"));
        assertEquals("bump 1\n", grading.test("1").getString("output"));
        assertEquals("bump 2\n", grading.test("2").getString("output"));
    }

    @Test
    void givesTheNextTestAFreshProcessWhenATestEndedItsProcess() throws Exception {
        write(
                "counter.py",
                "import os\n\ncalls = []\n\ndef bump():\n    calls.append(1)\n    return len(calls)\n\n"
                        + "def leave():\n    os._exit(0)\n");
        String bumps = "from counter import bump\n\ndef test_bump():\n    assert bump() == 1\n";

        Grading grading = grade(bumps, "from counter import leave\n\ndef test_leave():\n    leave()\n", bumps);

        grading.assertComplete(3);
        assertEquals("passed", grading.outcome("1"), grading.message("1"));
        assertEquals("error", grading.outcome("2"));
        assertEquals("passed", grading.outcome("3"), grading.message("3"));
    }

    @Test
    void endsAnEndlessLoopAtTheTestsTimeLimit() throws Exception {
        write("solution.py", ADDER + "\ndef spin():\n    while True:\n        pass\n");

        Grading grading = grade(List.of(
                new TestSource("1", "from solution import spin\n\ndef test_spin():\n    spin()\n", 1000),
                new TestSource("2", "from solution import add\n\ndef test_add():\n    assert add(1, 1) == 2\n", 5000)));

        grading.assertComplete(2);
        assertEquals("timeout", grading.outcome("1"));
        assertEquals("the test took longer than 1 s (an endless loop?)", grading.message("1"));
        assertEquals("passed", grading.outcome("2"));
    }

    @Test
    void reportsASyntaxErrorAsNotCompiled() throws Exception {
        write("solution.py", "def add(a, b)\n    return a + b\n");

        Grading grading = grade("from solution import add\n\ndef test_add():\n    assert add(1, 2) == 3\n");

        assertEquals("not_compiled", grading.outcome("1"));
        assertEquals("SyntaxError in solution.py, line 1: expected ':'", grading.message("1"));
    }

    @Test
    void capturesAtMost8KibOfWhatTheStudentsCodePrints() throws Exception {
        write("solution.py", "def talk(times):\n    print('Grüße ' * times)\n    return times\n");

        Grading grading = grade(
                "from solution import talk\n\ndef test_talk():\n    assert talk(2) == 2\n",
                "from solution import talk\n\ndef test_talk():\n    assert talk(10000) == 10000\n");

        assertEquals("Grüße Grüße \n", grading.test("1").getString("output"));
        String bounded = grading.test("2").getString("output");
        assertTrue(bounded.getBytes(StandardCharsets.UTF_8).length <= 8192, bounded);
        assertTrue(bounded.startsWith("Grüße Grüße ") && bounded.endsWith("[output truncated]\n"), bounded);
    }

    @Test
    void saysWhenASourceHasNoTests() throws Exception {
        write("solution.py", ADDER);

        Grading grading = grade("from solution import add\nresult = add(1, 2)\n");

        assertEquals("error", grading.outcome("1"));
        assertEquals(
                "the test has no test function (test_...) and no unittest.TestCase test method", grading.message("1"));
    }

    @Test
    void gradesOnlyWhenNoProgramRuns() throws Exception {
        write("main.py", "import time\ntime.sleep(600)\n");
        Run program = sandbox.start(RunRequest.of("main.py"), new Transcript());

        assertThrows(RunRefusedException.class, () -> sandbox.startGrader(GRADING, new Transcript()));
        program.stop();
        await(program);
    }
}
