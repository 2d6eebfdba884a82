package dev.pyroom.lint.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.lint.entity.Diagnostic;
import dev.pyroom.lint.entity.LintRequest;
import dev.pyroom.lint.entity.LintResult;
import dev.pyroom.lint.entity.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile lint requests, as a student could send them through the editor, against the real sandboxed workers. One
 * worker per tier, so that every student's request meets the same worker, as on a busy node. Each probe names the
 * attack and its expected outcome, and then checks what matters most: another student's answer after the attack is
 * exactly their answer before it, and the tier still answers.
 */
class LintProbesTest {

    private static final String ATTACKER = "student-a";
    private static final String VICTIM = "student-b";
    private static final String VICTIM_SOURCE =
            "import random\nimport helper\n\n\ndef roll():\n    return random.randint(1, 6)\n\n\nprint(rol(), scroe)\n";
    /** If any of this ran where lint runs, every later answer would carry the marker or lose its findings. */
    private static final String TAMPERING = """
            import builtins
            import pylint.reporters
            import pyflakes.checker
            builtins.print = None
            pylint.reporters.CollectingReporter.handle_message = lambda self, message: None
            pyflakes.checker.Checker.report = lambda self, kind, node, *args: None
            open('/tmp/a-was-here', 'w').write('A-SECRET')
            """;

    private static Linter linter;

    @BeforeAll
    static void start() throws InterruptedException {
        linter = new Linter(new LintTestSettings().tenantsPerWorker(4).settings(), Executors.defaultThreadFactory());
        assertTrue(linter.awaitReady(Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() {
        linter.close();
    }

    /**
     * A file named like a module one of astroid's brains imports on sight ({@code gi}), whose top-level code patches
     * the analysers: it is analysed, never imported, so nothing of it runs and the victim's findings are untouched.
     */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void moduleNamedLikeWhatAnalysersImportRunsNothing(Tier tier) {
        String hostile = TAMPERING + "import gi\ngi.require_version('Gtk', '3.0')\nfrom gi.repository import Gtk\n";

        LintResult attack =
                afterAttack(tier, new LintRequest(1, "gi.py", hostile)).orElseThrow();

        assertTrue(attack.diagnostics().stream().noneMatch(Diagnostic::isSyntaxError));
        assertTrue(
                attack.diagnostics().stream().noneMatch(found -> found.message().contains("A-SECRET")));
    }

    /** The same tampering under the names of the modules the analysers themselves are made of. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void modulesNamedLikeTheAnalysersRunNothing(Tier tier) {
        for (String name :
                List.of("pylint.py", "astroid.py", "pyflakes.py", "builtins.py", "os.py", "sitecustomize.py")) {
            afterAttack(tier, new LintRequest(1, name, TAMPERING));
        }
    }

    /** A sibling module a victim imports ({@code helper}), defined by the attacker: the victim never sees it. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void siblingModuleOfOneStudentIsNotAnothers(Tier tier) {
        afterAttack(tier, new LintRequest(1, "helper.py", "import random\nrandom.randint = None\nSECRET = 'A'\n"));
    }

    /** A module shadowing the standard library ({@code random.py}) changes nobody else's inference. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void standardLibraryShadowOfOneStudentIsNotAnothers(Tier tier) {
        afterAttack(tier, new LintRequest(1, "random.py", "def randint():\n    return 'A-SECRET'\n"));
    }

    /** Pragmas that silence every message hold for the file that carries them only. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void pragmasOfOneStudentSilenceNobodyElse(Tier tier) {
        afterAttack(tier, request("# pylint: disable=all\n# pylint: skip-file\n# flake8: noqa\nimport os\n"));
    }

    /** Brackets nested past the parser's limit: refused as a syntax error, the worker unharmed. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void nestingBombIsASyntaxError(Tier tier) {
        LintResult attack = afterAttack(tier, request("x = " + "(".repeat(5000) + ")".repeat(5000) + "\n"))
                .orElseThrow();

        assertTrue(attack.diagnostics().stream().anyMatch(Diagnostic::isSyntaxError));
    }

    /** A class hierarchy thousands deep drives inference into recursion: answered or refused, nobody else harmed. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void inheritanceChainThousandsDeep(Tier tier) {
        StringBuilder source = new StringBuilder("class C0:\n    pass\n");
        for (int level = 1; level < 3000; level++) {
            source.append("class C")
                    .append(level)
                    .append("(C")
                    .append(level - 1)
                    .append("):\n    pass\n");
        }
        afterAttack(tier, request(source + "print(C2999().missing)\n"));
    }

    /** Mutual recursion that inference follows without end. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void endlessInference(Tier tier) {
        afterAttack(
                tier,
                request("def f(x):\n    return g(x) + f(x)\n\n\ndef g(x):\n    return f(x) * g(x)\n\n\n"
                        + "a = b = c = f(1)\nfor _ in range(10):\n    a, b, c = b, c, a + f(a)\nprint(a.upper())\n"));
    }

    /** Constant folding asked to build a ten-gigabyte string: bounded by the checker's memory, never the server's. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void memoryBombInConstantFolding(Tier tier) {
        afterAttack(tier, request("s = 'A-SECRET' * 10 ** 10\nprint(s.upper(), s.lower())\n"));
    }

    /** Constant folding asked for a number with a hundred million digits: bounded by the check's time limit. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void cpuBombInConstantFolding(Tier tier) {
        afterAttack(tier, request("n = 10 ** 10 ** 8\nprint(n + 1, str(n))\n"));
    }

    /** A literal of nearly the largest size lint accepts. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void hugeLiteral(Tier tier) {
        afterAttack(tier, request("data = [" + "1, ".repeat(60_000) + "]\nprint(len(data))\n"));
    }

    /** One line of nearly the largest size lint accepts. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void hugeLine(Tier tier) {
        afterAttack(tier, request("x = 1; ".repeat(25_000) + "\n"));
    }

    /** f-strings nested and repeated until the parser and the format checks strain. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void pathologicalFStrings(Tier tier) {
        String nested = "f'{f\"{f'''{1:{2}}'''}\"}'";
        afterAttack(tier, request("x = 1\n" + ("print(" + nested + ", f'{x!r:>{x}}' * 3)\n").repeat(2000)));
    }

    /** Null bytes and unpaired surrogates in the text: answered, as the compiler would. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void unreadableCharacters(Tier tier) {
        afterAttack(tier, request("print('a')\u0000\ntext = '\uD800'\n"));
    }

    /** A file name that tries to leave the checker's folder never reaches a worker. */
    @Test
    void pathInAFileNameIsRefused() {
        for (String name : List.of("../gi.py", "/etc/passwd.py", "a/../../b.py", ".hidden.py")) {
            assertThrows(IllegalArgumentException.class, () -> new LintRequest(1, name, "x = 1\n"), name);
        }
    }

    /** More students than a worker keeps checkers for: the least recently used is ended, every answer is right. */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void moreStudentsThanCheckersAllGetTheirOwnAnswers(Tier tier) {
        for (int round = 0; round < 2; round++) {
            for (int student = 0; student < 10; student++) {
                LintResult result = linter.lint("student-" + student, tier, request("print(name_" + student + ")\n"));
                assertEquals(1, result.diagnostics().size());
                assertTrue(result.diagnostics().get(0).message().contains("name_" + student));
            }
        }
    }

    /**
     * A flood of parallel requests from one student and others: each answer belongs to its own request. The flooding
     * student's versions of one document replace each other while they wait; nobody else's do.
     */
    @ParameterizedTest
    @EnumSource(Tier.class)
    void floodOfParallelRequests(Tier tier) {
        List<CompletableFuture<LintResult>> pending = IntStream.range(0, 40)
                .mapToObj(version -> CompletableFuture.supplyAsync(() -> linter.lint(
                        version % 3 == 0 ? ATTACKER : "student-" + version,
                        tier,
                        new LintRequest(version, "main.py", "print(name_" + version + ")\n"))))
                .toList();

        for (int version = 0; version < pending.size(); version++) {
            try {
                LintResult result = pending.get(version).join();
                assertEquals(version, result.documentVersion());
                assertTrue(result.diagnostics().get(0).message().contains("name_" + version + "'"));
            } catch (CompletionException e) {
                // A flood may outlast the wait for a free worker; a refusal is fine, a wrong answer is not.
                LintException.Reason reason = ((LintException) e.getCause()).reason();
                assertTrue(
                        reason == LintException.Reason.BUSY
                                || (reason == LintException.Reason.SUPERSEDED && version % 3 == 0),
                        "request " + version + " refused: " + reason);
            }
        }
        assertEquals(
                victimFindings(tier),
                linter.lint(VICTIM, tier, request(VICTIM_SOURCE)).diagnostics());
    }

    /** The worker and its checkers run confined as runs are: seccomp, no new privileges, their own cgroup. */
    @Test
    void workersAreConfinedLikeRuns() throws IOException {
        linter.lint(VICTIM, Tier.DEEP, request(VICTIM_SOURCE));
        List<Path> interpreters = ProcessHandle.current()
                .descendants()
                .map(process -> Path.of("/proc", Long.toString(process.pid())))
                .filter(LintProbesTest::isLintWorker)
                .toList();

        assertFalse(interpreters.isEmpty());
        for (Path proc : interpreters) {
            List<String> status = Files.readAllLines(proc.resolve("status"));
            assertTrue(status.contains("Seccomp:\t2"), () -> "no seccomp filter: " + status);
            assertTrue(status.contains("NoNewPrivs:\t1"), () -> "may gain privileges: " + status);
            assertFalse(
                    status.stream().anyMatch(line -> line.matches("Uid:\\s+0\\s.*")),
                    () -> "runs as the host's root: " + status);
            assertTrue(
                    Files.readString(proc.resolve("cgroup")).contains("pyroom-lint"),
                    "not in a lint cgroup of its own");
        }
    }

    /** A worker or a checker: the interpreter, not bwrap, started with a tier as its last argument. */
    private static boolean isLintWorker(Path proc) {
        try {
            List<String> arguments =
                    List.of(Files.readString(proc.resolve("cmdline")).split("\0"));
            return arguments.size() > 1
                    && arguments.get(0).startsWith("/usr/bin/python3")
                    && Set.of("fast", "deep").contains(arguments.get(arguments.size() - 1));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The cross-student check every probe ends with: the victim's answer from the same worker is the same before and
     * after the attacker's request, whatever became of that request.
     */
    private static Optional<LintResult> afterAttack(Tier tier, LintRequest hostile) {
        List<Diagnostic> before = victimFindings(tier);
        Optional<LintResult> attack = Optional.empty();
        try {
            attack = Optional.of(linter.lint(ATTACKER, tier, hostile));
        } catch (LintException e) {
            assertTrue(
                    Set.of(LintException.Reason.TIMED_OUT, LintException.Reason.UNCHECKABLE)
                            .contains(e.reason()),
                    () -> "refused for the wrong reason: " + e.reason() + " " + e.getMessage());
        }

        assertEquals(before, linter.lint(VICTIM, tier, request(VICTIM_SOURCE)).diagnostics());
        return attack;
    }

    private static List<Diagnostic> victimFindings(Tier tier) {
        List<Diagnostic> found =
                linter.lint(VICTIM, tier, request(VICTIM_SOURCE)).diagnostics();
        assertTrue(found.stream().anyMatch(diagnostic -> diagnostic.message().contains("scroe")), found::toString);
        return found;
    }

    private static LintRequest request(String source) {
        return new LintRequest(1, "main.py", source);
    }
}
