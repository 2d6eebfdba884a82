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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One worker per tier, so that consecutive requests meet the same worker, and a low recycling limit. */
class WorkerRecoveryTest {

    private static final int RECYCLE_AFTER = 4;
    // A limit no other linter of the test run uses, so that this one's workers can be told apart by their arguments.
    private static final long ADDRESS_SPACE = 1023L << 20;
    private static final String UNDEFINED_NAME = "print(scroe)\n";

    private static Linter linter;

    @BeforeAll
    static void start() throws InterruptedException {
        LintSettings settings = new LintTestSettings()
                .addressSpace(ADDRESS_SPACE)
                .recycleAfter(RECYCLE_AFTER)
                .settings();
        linter = new Linter(settings, Executors.defaultThreadFactory());
        assertTrue(linter.awaitReady(Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() {
        linter.close();
    }

    @BeforeEach
    void workersAreUp() throws InterruptedException {
        assertTrue(linter.awaitReady(Duration.ofSeconds(60)));
    }

    @Test
    void killedWorkerIsReplacedAndTheNextRequestWorks() throws Exception {
        Set<Long> before = workerPids(Tier.DEEP);
        assertFalse(before.isEmpty());
        for (ProcessHandle worker : workers(Tier.DEEP).toList()) {
            worker.destroyForcibly();
            worker.onExit().get(1, TimeUnit.MINUTES);
        }

        assertUndefinedNameFound(linter.lint("a-student", Tier.DEEP, request(UNDEFINED_NAME)));
        assertTrue(disjoint(before, workerPids(Tier.DEEP)));
    }

    @Test
    void hungWorkerIsKilledAtItsTimeoutAndReplaced() throws IOException, InterruptedException {
        for (ProcessHandle worker : workers(Tier.DEEP).toList()) {
            for (ProcessHandle process :
                    Stream.concat(Stream.of(worker), worker.descendants()).toList()) {
                new ProcessBuilder("kill", "-STOP", Long.toString(process.pid()))
                        .start()
                        .waitFor();
            }
        }

        LintException timedOut =
                assertThrows(LintException.class, () -> linter.lint("a-student", Tier.DEEP, request(UNDEFINED_NAME)));

        assertEquals(LintException.Reason.TIMED_OUT, timedOut.reason());
        assertTrue(linter.awaitReady(Duration.ofSeconds(60)));
        assertUndefinedNameFound(linter.lint("a-student", Tier.DEEP, request(UNDEFINED_NAME)));
    }

    @Test
    void workerIsRecycledAfterItsRequestLimit() throws Exception {
        List<ProcessHandle> before = workers(Tier.FAST).toList();

        for (int i = 0; i < RECYCLE_AFTER; i++) {
            assertUndefinedNameFound(linter.lint("a-student", Tier.FAST, request(UNDEFINED_NAME)));
        }

        assertFalse(before.isEmpty());
        for (ProcessHandle worker : before) {
            worker.onExit().get(1, TimeUnit.MINUTES);
        }
        assertUndefinedNameFound(linter.lint("a-student", Tier.FAST, request(UNDEFINED_NAME)));
    }

    @Test
    void noRequestSeesTheModuleOfAnother() {
        linter.lint("a-student", Tier.DEEP, new LintRequest(1, "helper.py", "VALUE = 1\n"));

        LintResult result = linter.lint("a-student", Tier.DEEP, request("import helper\n\nprint(helper.OTHER)\n"));

        assertEquals(List.of(), result.diagnostics());
    }

    @Test
    void noRequestIsSilencedByThePragmasOfAnother() {
        String silenced = "# pylint: disable=undefined-variable,unused-import\nimport os\nprint(scroe)\n";
        assertEquals(
                List.of(),
                linter.lint("a-student", Tier.DEEP, request(silenced)).diagnostics());

        assertUndefinedNameFound(linter.lint("a-student", Tier.DEEP, request(UNDEFINED_NAME)));
    }

    @Test
    void sourceTooSlowToCheckIsAnsweredOrCutOff() throws InterruptedException {
        String slow = "x = 1\n".repeat(10_000);

        try {
            LintResult result = linter.lint("a-student", Tier.DEEP, request(slow));
            assertFalse(result.diagnostics().isEmpty());
        } catch (LintException e) {
            assertEquals(LintException.Reason.TIMED_OUT, e.reason());
        }
        assertTrue(linter.awaitReady(Duration.ofSeconds(60)));
        assertUndefinedNameFound(linter.lint("a-student", Tier.DEEP, request(UNDEFINED_NAME)));
    }

    private static void assertUndefinedNameFound(LintResult result) {
        assertEquals(
                List.of("undefined-variable"),
                result.diagnostics().stream().map(Diagnostic::symbol).toList());
    }

    private static LintRequest request(String source) {
        return new LintRequest(1, "main.py", source);
    }

    /** This linter's worker processes of a tier: a worker's command names its address space and ends with its tier. */
    private static Stream<ProcessHandle> workers(Tier tier) {
        String name = tier.name().toLowerCase(Locale.ROOT);
        return ProcessHandle.current()
                .children()
                .filter(child -> child.info()
                        .arguments()
                        .map(List::of)
                        .filter(arguments -> !arguments.isEmpty()
                                && arguments.get(arguments.size() - 1).equals(name)
                                && arguments.contains(Long.toString(ADDRESS_SPACE)))
                        .isPresent());
    }

    private static Set<Long> workerPids(Tier tier) {
        return workers(tier).map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static boolean disjoint(Set<Long> before, Set<Long> after) {
        return !after.isEmpty() && after.stream().noneMatch(before::contains);
    }
}
