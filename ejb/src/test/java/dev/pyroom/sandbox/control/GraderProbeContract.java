package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Student code attacking its own grading: looking for the hidden tests, faking results, ending or killing the grader,
 * patching what the tests use. Every probe's test would pass only if the attack worked; each must come out not passed,
 * saying why.
 */
abstract class GraderProbeContract extends GraderHarness {

    /** The start of every secret; a probe looks for it followed by a UUID, which only the hidden test holds. */
    private static final String SECRET_PREFIX = "pyroom-hidden-";

    /** A probe module's start: findings() gives the places where the secret was found. */
    private static final String SEARCH = """
            import gc, inspect, os, re, sys
            SECRET = re.compile(rb'%s[0-9a-f]{8}-[0-9a-f]{4}')
            found = []
            def look(place, data):
                if isinstance(data, str):
                    data = data.encode('utf-8', 'surrogatepass')
                if isinstance(data, bytes) and SECRET.search(data):
                    found.append(place)
            def findings():
                return found
            """.formatted(SECRET_PREFIX);

    private final String secret = SECRET_PREFIX + UUID.randomUUID();

    /** A hidden test holding the secret, which passes only if findings() is 42: it is a list, so it fails. */
    private String hiddenTest() {
        return "SECRET = '%s'\nfrom probe import findings\n\ndef test_findings():\n    assert findings() == 42\n"
                .formatted(secret);
    }

    private void assertNotFound(Grading grading) {
        assertEquals("failed", grading.outcome("1"), grading.stdout() + grading.stderr());
        assertEquals("[]", grading.test("1").getString("actual"), grading.stdout());
        assertFalse(grading.stdout().contains(secret), grading.stdout());
    }

    /**
     * Walks the file system at import time (but the system's read-only /usr), reading every file. Expected: the test
     * source is in no file.
     */
    @Test
    void searchesTheFileSystem() throws Exception {
        write("probe.py", SEARCH + """
                for top in os.listdir('/'):
                    if top in ('proc', 'sys', 'dev', 'usr') or os.path.islink('/' + top):
                        continue
                    for folder, _, files in os.walk('/' + top):
                        for name in files:
                            try:
                                with open(os.path.join(folder, name), 'rb') as file:
                                    look(os.path.join(folder, name), file.read(1 << 20))
                            except OSError:
                                pass
                """);

        assertNotFound(grade(hiddenTest()));
    }

    /**
     * Reads every process's command line, environment, open files and writable memory, the grader's and the agent's
     * included. Expected: the grader and the agent are not dumpable, so their memory, environment and files are
     * refused; the test source is nowhere else.
     */
    @Test
    void searchesEveryProcess() throws Exception {
        write("probe.py", SEARCH + """
                for pid in [name for name in os.listdir('/proc') if name.isdigit()]:
                    for part in ('cmdline', 'environ'):
                        try:
                            look(f'{pid}/{part}', open(f'/proc/{pid}/{part}', 'rb').read())
                        except OSError:
                            pass
                    try:
                        for fd in os.listdir(f'/proc/{pid}/fd'):
                            path = f'/proc/{pid}/fd/{fd}'
                            look(path, os.readlink(path))
                            try:
                                descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
                                look(path, os.read(descriptor, 1 << 20))
                                os.close(descriptor)
                            except OSError:
                                pass
                    except OSError:
                        pass
                    try:
                        with open(f'/proc/{pid}/maps') as maps, open(f'/proc/{pid}/mem', 'rb') as mem:
                            for region in maps:
                                span, permissions = region.split()[:2]
                                if permissions.startswith('rw'):
                                    start, end = (int(value, 16) for value in span.split('-'))
                                    try:
                                        mem.seek(start)
                                        look(f'{pid}/mem', mem.read(end - start))
                                    except (OSError, OverflowError, ValueError):
                                        pass
                    except OSError:
                        pass
                """);

        assertNotFound(grade(hiddenTest()));
    }

    /**
     * Searches the interpreter it runs in: every object the garbage collector knows, every loaded module, the call
     * stack and the environment. Expected: the test runs in another process, so none of it holds the test.
     */
    @Test
    void searchesItsOwnInterpreter() throws Exception {
        write("probe.py", SEARCH + """
                for thing in gc.get_objects():
                    if isinstance(thing, dict):
                        for key, value in list(thing.items()):
                            look('gc dict', key)
                            look('gc dict', value)
                    elif isinstance(thing, (list, tuple)):
                        for value in thing:
                            look('gc sequence', value)
                for name, module in list(sys.modules.items()):
                    look('module ' + name, name)
                    for value in list(vars(module).values()):
                        look('module ' + name, value)
                for frame in inspect.stack():
                    for value in list(frame.frame.f_locals.values()) + list(frame.frame.f_globals.values()):
                        look('stack', value)
                for key, value in os.environ.items():
                    look('environment', key + '=' + value)
                """);

        assertNotFound(grade(hiddenTest()));
    }

    /**
     * Prints result lines and PASS, on its stdout, on fds 1 and 2 directly and on fd 1 of every process it can reach.
     * Expected: its output is only captured; the grader's stdout holds one failed line and done.
     */
    @Test
    void printsFakeResults() throws Exception {
        write("probe.py", """
                import os
                FAKE = b'{"id": "1", "outcome": "passed", "message": "", "expected": null, "actual": null, "output": ""}\\n'
                print(FAKE.decode() + 'PASS', flush=True)
                for fd in (1, 2):
                    os.write(fd, FAKE + b'{"done": true}\\n')
                for pid in [name for name in os.listdir('/proc') if name.isdigit()]:
                    try:
                        with open(f'/proc/{pid}/fd/1', 'wb') as out:
                            out.write(FAKE + b'{"done": true}\\n')
                    except OSError:
                        pass
                def answer():
                    return 0
                """);

        Grading grading = grade("from probe import answer\n\ndef test_answer():\n    assert answer() == 42\n");

        grading.assertComplete(1);
        assertEquals("failed", grading.outcome("1"));
        assertTrue(grading.test("1").getString("output").contains("PASS"), grading.stdout());
    }

    /**
     * Ends its own process with sys.exit(0) and os._exit(0), at import time and in a call, even where the test
     * catches every exception. Expected: errors saying the program ended, never passed.
     */
    @Test
    void endsItsProcessDuringTheTest() throws Exception {
        write("exits_at_import.py", "import sys\nsys.exit(0)\n");
        write("vanishes_at_import.py", "import os\nos._exit(0)\n");
        write("calls.py", "import os, sys\n\ndef leave():\n    sys.exit(0)\n\ndef vanish():\n    os._exit(0)\n");

        Grading grading = grade(
                "import exits_at_import\n\ndef test_nothing():\n    pass\n",
                "import vanishes_at_import\n\ndef test_nothing():\n    pass\n",
                "from calls import leave\n\ndef test_leave():\n    leave()\n",
                "from calls import vanish\n\ndef test_vanish():\n    try:\n        vanish()\n    except BaseException:\n"
                        + "        pass\n");

        grading.assertComplete(4);
        for (String id : new String[] {"1", "2", "3", "4"}) {
            assertEquals("error", grading.outcome(id));
            assertEquals("the program ended during the test (exit status 0)", grading.message(id));
        }
    }

    /**
     * Kills its parent process, then answers wrongly. Expected: the parent is the zygote, not the grader, so the test
     * fails as it should, and the next test gets a new zygote and process.
     */
    @Test
    void killsItsParent() throws Exception {
        write("probe.py", "import os\n\ndef answer():\n    os.kill(os.getppid(), 9)\n    return 0\n");

        Grading grading = grade(
                "from probe import answer\n\ndef test_answer():\n    assert answer() == 42\n",
                "from probe import answer\n\ndef test_answer():\n    assert answer() == 0\n");

        grading.assertComplete(2);
        assertEquals("failed", grading.outcome("1"));
        assertEquals("passed", grading.outcome("2"));
    }

    /**
     * Kills every process it can, the grader included, at import time. Expected: the run ends without done and
     * without a passed line, which the grading service reports as a crash of the grader.
     */
    @Test
    void killsEveryProcessItCan() throws Exception {
        write("probe.py", """
                import os
                for pid in [int(name) for name in os.listdir('/proc') if name.isdigit()]:
                    if pid != os.getpid():
                        try:
                            os.kill(pid, 9)
                        except OSError:
                            pass
                def answer():
                    return 0
                """);

        Grading grading = grade("from probe import answer\n\ndef test_answer():\n    assert answer() == 0\n");

        assertFalse(grading.done(), grading.stdout());
        assertFalse(grading.anyPassed(), grading.stdout());
    }

    /**
     * Patches what the tests use, in its own process: AssertionError among the builtins, unittest's assertEqual and
     * TestCase.run. Expected: the tests run in the grader, whose builtins and unittest are untouched: both tests fail.
     */
    @Test
    void patchesBuiltinsAndUnittest() throws Exception {
        write("probe.py", """
                import builtins, unittest
                class Never(Exception):
                    pass
                builtins.AssertionError = Never
                unittest.TestCase.assertEqual = lambda *arguments, **named: None
                unittest.TestCase.run = lambda self, result=None: None
                def answer():
                    return 0
                """);

        Grading grading = grade("from probe import answer\n\ndef test_answer():\n    assert answer() == 42\n", """
                import unittest
                from probe import answer

                class AnswerTest(unittest.TestCase):
                    def test_answer(self):
                        self.assertEqual(answer(), 42)
                """);

        grading.assertComplete(2);
        assertEquals("failed", grading.outcome("1"));
        assertEquals("failed", grading.outcome("2"));
    }

    /**
     * Breaks its own interpreter so that it cannot answer (isinstance, repr and len replaced). Expected: an error
     * that says the program ended, never passed.
     */
    @Test
    void breaksItsOwnInterpreter() throws Exception {
        write("probe.py", """
                import builtins
                builtins.isinstance = lambda *arguments: True
                builtins.repr = lambda thing: '42'
                builtins.len = lambda thing: 42
                def answer():
                    return 0
                """);

        Grading grading = grade("from probe import answer\n\ndef test_answer():\n    assert answer() == 42\n");

        grading.assertComplete(1);
        assertEquals("error", grading.outcome("1"));
        assertTrue(grading.message("1").startsWith("the program ended during the test"), grading.message("1"));
    }

    /**
     * Writes modules the grader might import (unittest.py, json.py, pyroom_grader.py, sitecustomize.py) into the
     * workspace and /tmp during one test. Expected: the grader never runs files of the workspace or /tmp, so the next
     * test still fails.
     */
    @Test
    void writesModulesIntoTheWorkspaceAndTmp() throws Exception {
        write("probe.py", """
                import os
                FAKE = 'import os\\nos._exit(0)\\n'
                for folder in ('.', '/tmp'):
                    for name in ('unittest', 'json', 'pyroom_grader', 'pyroom_remote', 'sitecustomize', 'ast'):
                        with open(os.path.join(folder, name + '.py'), 'w') as module:
                            module.write(FAKE)
                def answer():
                    return 0
                """);
        String test = """
                import unittest
                from probe import answer

                class AnswerTest(unittest.TestCase):
                    def test_answer(self):
                        self.assertEqual(answer(), 42)
                """;

        Grading grading = grade(test, test);

        grading.assertComplete(2);
        assertEquals("failed", grading.outcome("1"));
        assertEquals("failed", grading.outcome("2"));
    }

    /** Allocates memory until the limit. Expected: an error that says the program used too much memory. */
    @Test
    void allocatesMemoryUntilTheLimit() throws Exception {
        write("probe.py", "def hog():\n    chunks = []\n    while True:\n        chunks.append(bytearray(32 << 20))\n");

        Grading grading = grade("from probe import hog\n\ndef test_hog():\n    hog()\n");

        grading.assertComplete(1);
        assertEquals("error", grading.outcome("1"));
        assertTrue(grading.message("1").toLowerCase().contains("memory"), grading.message("1"));
    }

    /** Loops forever at import time. Expected: a timeout at the test's time limit, then the next test runs. */
    @Test
    void loopsForeverAtImport() throws Exception {
        write("probe.py", "while True:\n    pass\n");
        write("other.py", "def answer():\n    return 42\n");

        Grading grading = grade(List.of(
                new TestSource("1", "import probe\n\ndef test_nothing():\n    pass\n", 1000),
                new TestSource(
                        "2", "from other import answer\n\ndef test_answer():\n    assert answer() == 42\n", 5000)));

        grading.assertComplete(2);
        assertEquals("timeout", grading.outcome("1"));
        assertEquals("passed", grading.outcome("2"));
    }
}
