package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.explain.control.RunExplainer;
import dev.pyroom.explain.control.StderrTail;
import dev.pyroom.explain.entity.RunExplanation;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.RunResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors explained, from real runs: every error pattern's example program runs in the sandbox, and the explanation
 * of its stderr and ending must be that pattern's, pointing at the example's line.
 */
abstract class ExplanationContract extends SandboxContract {

    private static final RunExplainer EXPLAINER = RunExplainer.load();

    /**
     * A program and what its explanation must say.
     *
     * @param exception the Python exception's class, empty for a run a limit stopped
     * @param file where the explanation points, empty for nowhere
     * @param suggests a piece of the suggestion, with this run's names or values in it; empty to check nothing
     */
    record Example(
            String key,
            String exception,
            String program,
            String file,
            int line,
            String suggests,
            RunLimits limits,
            String input,
            Map<String, String> otherFiles) {

        Example suggesting(String piece) {
            return new Example(key, exception, program, file, line, piece, limits, input, otherFiles);
        }

        Example withLimits(RunLimits value) {
            return new Example(key, exception, program, file, line, suggests, value, input, otherFiles);
        }

        /** Null closes the program's input without sending any. */
        Example withInput(String value) {
            return new Example(key, exception, program, file, line, suggests, limits, value, otherFiles);
        }

        Example withFile(String path, String content, String pointedFile) {
            return new Example(
                    key, exception, program, pointedFile, line, suggests, limits, input, Map.of(path, content));
        }

        @Override
        public String toString() {
            return key;
        }
    }

    static Example at(int line, String key, String exception, String program) {
        return new Example(
                key, exception, program, line == 0 ? "" : "main.py", line, "", RunLimits.DEFAULTS, "", Map.of());
    }

    static Stream<Example> examples() {
        return Stream.of(
                at(2, "name-error/did-you-mean", "NameError", "message = 'hi'\nprint(mesage)\n")
                        .suggesting("Did you mean message? Change mesage to message on line 2."),
                at(1, "name-error/missing-import", "NameError", "print(math.sqrt(16))\n")
                        .suggesting("import math"),
                at(2, "name-error", "NameError", "x = 1\nprint(total)\n")
                        .suggesting("Check where total gets its value"),
                at(3, "unbound-local", "UnboundLocalError", "count = 0\ndef add():\n    count += 1\nadd()\n")
                        .suggesting("Give count"),
                at(2, "type-error/text-plus-number", "TypeError", "age = 5\nprint('Age: ' + age)\n")
                        .suggesting("the int into"),
                at(1, "type-error/number-plus-text", "TypeError", "print(5 + '5')\n"),
                at(2, "type-error/text-arithmetic", "TypeError", "n = '10'\nprint(n - 1)\n")
                        .suggesting("calculating with -"),
                at(3, "type-error/none-operand", "TypeError", "def f():\n    print(1)\nprint(f() + 1)\n"),
                at(1, "type-error/unsupported-operand", "TypeError", "print([1] - [2])\n")
                        .suggesting("can't use - between values of type list and list"),
                at(1, "type-error/sequence-times-number", "TypeError", "print('ab' * 2.5)\n"),
                at(2, "type-error/not-callable", "TypeError", "total = 5\nprint(total(2))\n")
                        .suggesting("is of type int"),
                at(2, "type-error/none-not-subscriptable", "TypeError", "result = print('x')\nprint(result[0])\n"),
                at(2, "type-error/not-subscriptable", "TypeError", "n = 5\nprint(n[0])\n"),
                at(1, "type-error/not-iterable", "TypeError", "for i in 5:\n    print(i)\n")
                        .suggesting("range(n)"),
                at(3, "type-error/missing-argument", "TypeError", "def greet(name):\n    print(name)\ngreet()\n")
                        .suggesting("greet() still needs: 'name'"),
                at(
                                3,
                                "type-error/too-many-arguments",
                                "TypeError",
                                "def greet(name):\n    print(name)\ngreet('a', 'b')\n")
                        .suggesting("greet() takes 1 positional argument, but the call gives 2"),
                at(2, "type-error/item-assignment", "TypeError", "word = 'cat'\nword[0] = 'b'\n"),
                at(2, "type-error/index-type", "TypeError", "items = [1, 2, 3]\nprint(items[len(items) / 2])\n")
                        .suggesting("The position here, len(items) / 2, is of type float."),
                at(1, "type-error/unhashable", "TypeError", "seen = {[1, 2]: 'pair'}\n"),
                at(1, "value-error/int-from-text", "ValueError", "age = int(input('Age? '))\n")
                        .withInput("twelve\n")
                        .suggesting("int() was given 'twelve'"),
                at(1, "value-error/float-from-text", "ValueError", "price = float('ten')\n"),
                at(1, "value-error/too-many-values", "ValueError", "a, b = [1, 2, 3]\n"),
                at(1, "value-error/not-enough-values", "ValueError", "a, b, c = [1, 2]\n")
                        .suggesting("only 2 values"),
                at(2, "value-error/math-domain", "ValueError", "import math\nprint(math.sqrt(-1))\n"),
                at(2, "value-error/not-in-list", "ValueError", "items = [1, 2]\nprint(items.index(5))\n")
                        .suggesting("5 is not"),
                at(4, "value-error/empty-range", "ValueError", "from helper import pick\nprint(pick(5, 1))\n")
                        .withFile(
                                "helper.py",
                                "import random\n\ndef pick(low, high):\n    return random.randint(low, high)\n",
                                "helper.py"),
                at(2, "index-error/list", "IndexError", "items = [1, 2, 3]\nprint(items[3])\n")
                        .suggesting("Position 3 is past the end of items."),
                at(2, "index-error/string", "IndexError", "word = 'cat'\nprint(word[5])\n")
                        .suggesting("Position 5"),
                at(2, "index-error/pop-empty", "IndexError", "items = []\nitems.pop()\n"),
                at(2, "index-error/tuple", "IndexError", "point = (1, 2)\nprint(point[2])\n"),
                at(2, "key-error", "KeyError", "prices = {'apple': 1}\nprint(prices['banana'])\n")
                        .suggesting("There is no key 'banana' in prices."),
                at(3, "zero-division", "ZeroDivisionError", "total = 10\ncount = 0\nprint(total / count)\n"),
                at(2, "recursion", "RecursionError", "def countdown(n):\n    return countdown(n - 1)\ncountdown(3)\n"),
                at(2, "attribute-error/none", "AttributeError", "items = [3, 1].sort()\nitems.append(2)\n"),
                at(2, "attribute-error/did-you-mean", "AttributeError", "name = 'ada'\nprint(name.uper())\n")
                        .suggesting("Did you mean upper?"),
                at(2, "attribute-error", "AttributeError", "n = 5\nn.append(6)\n"),
                at(2, "indentation/expected-block", "IndentationError", "if True:\nprint('yes')\n"),
                at(2, "indentation/unexpected-indent", "IndentationError", "x = 1\n    y = 2\n"),
                at(3, "indentation/unindent-mismatch", "IndentationError", "if True:\n        x = 1\n    y = 2\n"),
                at(3, "tab-error", "TabError", "if True:\n\tx = 1\n        y = 2\n"),
                at(1, "syntax-error/missing-colon", "SyntaxError", "if True\n    print(1)\n"),
                at(1, "syntax-error/unclosed-bracket", "SyntaxError", "print('hi'\n")
                        .suggesting("The ( on line 1"),
                at(1, "syntax-error", "SyntaxError", "print 'hi'\n").suggesting("Missing parentheses"),
                at(1, "module-not-found/misspelt", "ModuleNotFoundError", "import maths\n")
                        .suggesting("Did you mean math?"),
                at(1, "module-not-found", "ModuleNotFoundError", "import spreadsheet_tools\n")
                        .suggesting("spreadsheet_tools.py"),
                at(1, "import-error/name", "ImportError", "from math import squareroot\n")
                        .suggesting("math has no squareroot"),
                at(1, "file-not-found", "FileNotFoundError", "open('scores.txt')\n")
                        .suggesting("There is no 'scores.txt'"),
                at(1, "eof", "EOFError", "name = input()\n").withInput(null),
                at(1, "assertion", "AssertionError", "assert 1 + 1 == 3\n"),
                at(1, "overflow", "OverflowError", "print(2.0 ** 10000)\n"),
                at(1, "memory-error", "MemoryError", "text = 'x' * (10**12)\n"),
                at(0, "ending/time-limit", "", "import time\nwhile True:\n    time.sleep(0.1)\n")
                        .withLimits(RunLimits.DEFAULTS.withWallTime(Duration.ofSeconds(1)))
                        .suggesting("may run for 1 s"),
                at(0, "ending/cpu-limit", "", "while True:\n    pass\n")
                        .withLimits(RunLimits.DEFAULTS.withCpuTime(Duration.ofSeconds(1))),
                at(0, "ending/out-of-memory", "", "block = bytearray(1 << 30)\n"),
                at(0, "ending/output-limit", "", "while True:\n    print('x' * 99)\n")
                        .withLimits(RunLimits.DEFAULTS.withOutputBytes(10_000)),
                at(0, "ending/file-size-limit", "", "with open('big.bin', 'wb') as f:\n    f.write(b'x' * (2 << 20))\n")
                        .withLimits(RunLimits.DEFAULTS.withFileSizeBytes(1 << 20)),
                at(2, "exception", "RuntimeError", "x = 1\nraise RuntimeError('boom')\n")
                        .suggesting("Look at line 2 of main.py. Python's message: RuntimeError: boom"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void explainsTheExampleOfEveryPattern(Example example) throws Exception {
        RunExplanation explanation = explain(example).orElseThrow(() -> new AssertionError("nothing explained"));

        assertEquals(example.key(), explanation.key(), explanation::toString);
        assertEquals(example.file(), explanation.file(), explanation::toString);
        assertEquals(example.line(), explanation.line(), explanation::toString);
        assertFalse(explanation.title().isBlank());
        assertFalse(explanation.text().isBlank());
        assertFalse(explanation.suggestion().contains("${"), explanation::toString);
        assertTrue(explanation.suggestion().contains(example.suggests()), explanation::toString);
        assertEquals(
                example.key().startsWith("ending/"), explanation.exception().isEmpty(), explanation::toString);
    }

    @Test
    void everyPatternHasAnExample() {
        Set<String> examples = examples().map(Example::key).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(new TreeSet<>(EXPLAINER.keys()), examples);
    }

    @Test
    void aProgramThatEndsWellOrHandlesItsErrorGetsNoExplanation() throws Exception {
        assertTrue(explain(at(0, "", "", "print('fine')\n")).isEmpty());
        assertTrue(explain(at(
                        0,
                        "",
                        "",
                        "import traceback\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n"
                                + "    traceback.print_exc()\n"))
                .isEmpty());
        assertTrue(explain(at(0, "", "", "import sys\nsys.exit(3)\n")).isEmpty());
    }

    private Optional<RunExplanation> explain(Example example) throws Exception {
        example.otherFiles().forEach(this::write);
        write("main.py", example.program());
        StderrTail tail = new StderrTail(new Transcript());
        Run run = sandbox.start(RunRequest.of("main.py").withLimits(example.limits()), tail);
        if (example.input() == null) {
            run.closeInput();
        } else if (!example.input().isEmpty()) {
            run.sendInput(example.input());
        }
        RunResult result = await(run);
        return EXPLAINER.explain(tail.text(), result, example.limits());
    }
}
