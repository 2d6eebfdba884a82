package dev.pyroom.lint.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.lint.entity.LintRequest;
import dev.pyroom.lint.entity.LintResult;
import dev.pyroom.lint.entity.Tier;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How requests wait for a busy tier: one fast worker, held busy by a student whose checker stopped, and a bounded
 * line of requests behind it.
 */
class LintAdmissionTest {

    // Address spaces no other linter of the test run uses, so that these linters' workers can be told apart.
    private static final long ADDRESS_SPACE = 1022L << 20;
    private static final long SHORT_QUEUE_ADDRESS_SPACE = 1020L << 20;

    private static Linter linter;

    @BeforeAll
    static void start() throws InterruptedException {
        linter = new Linter(
                new LintTestSettings().addressSpace(ADDRESS_SPACE).settings(), Executors.defaultThreadFactory());
        assertTrue(linter.awaitReady(Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() {
        linter.close();
    }

    @Test
    void newerVersionOfADocumentReplacesTheOneWaitingAndOthersAreUntouched() throws Exception {
        linter.lint("slow-student", Tier.FAST, request(1, "x = 1\n"));
        stopCheckers(ADDRESS_SPACE);
        CompletableFuture<LintResult> holdsTheWorker =
                CompletableFuture.supplyAsync(() -> linter.lint("slow-student", Tier.FAST, request(2, "x = 2\n")));
        Thread.sleep(300);

        CompletableFuture<LintResult> first = lintLater("typist", "3:main.py", 1);
        CompletableFuture<LintResult> second = lintLater("typist", "3:main.py", 2);
        CompletableFuture<LintResult> otherFile = lintLater("typist", "3:other.py", 1);
        CompletableFuture<LintResult> latest = lintLater("typist", "3:main.py", 3);

        assertEquals(LintException.Reason.SUPERSEDED, reasonOf(first));
        assertEquals(LintException.Reason.SUPERSEDED, reasonOf(second));
        assertEquals(3, latest.join().documentVersion());
        assertTrue(latest.join().diagnostics().get(0).message().contains("name_3"));
        assertEquals(1, otherFile.join().documentVersion());
        assertEquals(LintException.Reason.TIMED_OUT, reasonOf(holdsTheWorker));
    }

    @Test
    void aRequestFindingItsWorkersQueueFullIsRefusedAsBusyAtOnce() throws Exception {
        try (Linter shortQueue = new Linter(
                new LintTestSettings()
                        .addressSpace(SHORT_QUEUE_ADDRESS_SPACE)
                        .fastMaxWaiting(2)
                        .settings(),
                Executors.defaultThreadFactory())) {
            assertTrue(shortQueue.awaitReady(Duration.ofSeconds(60)));
            shortQueue.lint("slow-student", Tier.FAST, request(1, "x = 1\n"));
            stopCheckers(SHORT_QUEUE_ADDRESS_SPACE);
            CompletableFuture.runAsync(() -> shortQueue.lint("slow-student", Tier.FAST, request(2, "x = 2\n")));
            Thread.sleep(300);
            lintLater(shortQueue, "first-in-line", "1:main.py", 1);
            lintLater(shortQueue, "second-in-line", "2:main.py", 1);

            LintException refused = assertThrows(
                    LintException.class,
                    () -> shortQueue.lint("third-in-line", "3:main.py", Tier.FAST, request(1, "x = 3\n")));

            assertEquals(LintException.Reason.BUSY, refused.reason());
            assertEquals(2, shortQueue.waiting(Tier.FAST));
        }
    }

    /** Requests are sent one after another, a moment apart, as an editor sends them while its student types. */
    private static CompletableFuture<LintResult> lintLater(String tenant, String document, int version)
            throws InterruptedException {
        return lintLater(linter, tenant, document, version);
    }

    private static CompletableFuture<LintResult> lintLater(Linter to, String tenant, String document, int version)
            throws InterruptedException {
        CompletableFuture<LintResult> pending = CompletableFuture.supplyAsync(
                () -> to.lint(tenant, document, Tier.FAST, request(version, "print(name_" + version + ")\n")));
        Thread.sleep(100);
        return pending;
    }

    private static LintException.Reason reasonOf(CompletableFuture<LintResult> pending) {
        CompletionException failed = assertThrows(CompletionException.class, pending::join);
        return ((LintException) failed.getCause()).reason();
    }

    /** Stops the checkers of the fast worker of the linter with this address space. */
    private static void stopCheckers(long addressSpace) throws IOException, InterruptedException {
        List<ProcessHandle> checkers = FastCheckers.of(addressSpace);
        assertFalse(checkers.isEmpty(), "no student's checker");
        FastCheckers.signal("-STOP", checkers);
    }

    private static LintRequest request(long version, String source) {
        return new LintRequest(version, "main.py", source);
    }
}
