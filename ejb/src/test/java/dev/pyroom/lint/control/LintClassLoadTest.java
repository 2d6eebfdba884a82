package dev.pyroom.lint.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.lint.entity.LintRequest;
import dev.pyroom.lint.entity.LintResult;
import dev.pyroom.lint.entity.Tier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What keeps a class's lint affordable on one node: two fast workers, as a class would share them. */
class LintClassLoadTest {

    // An address space no other linter of the test run uses, so that this one's processes can be told apart.
    private static final long ADDRESS_SPACE = 1021L << 20;

    private static Linter linter;

    @BeforeAll
    static void start() throws InterruptedException {
        linter = new Linter(
                new LintTestSettings()
                        .addressSpace(ADDRESS_SPACE)
                        .fastWorkers(2)
                        .fastTimeout(Duration.ofSeconds(1))
                        .settings(),
                Executors.defaultThreadFactory());
        assertTrue(linter.awaitReady(Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() {
        linter.close();
    }

    @Test
    void aStudentsChecksAllGoToOneWorkerSoTheyHaveOneCheckerNotOnePerWorker() {
        int othersCheckers = FastCheckers.of(ADDRESS_SPACE).size();
        for (int version = 1; version <= 12; version++) {
            LintResult result =
                    linter.lint("one-student", Tier.FAST, request(version, "print(name_" + version + ")\n"));
            assertEquals(version, result.documentVersion());
        }
        assertEquals(
                1,
                FastCheckers.of(ADDRESS_SPACE).size() - othersCheckers,
                "checkers of one student across two fast workers");
    }

    @Test
    void aCheckerStarvedOfTheProcessorLongerThanItsLimitIsStillAnswered() throws Exception {
        linter.lint("starved-student", Tier.FAST, request(1, "x = 1\n"));
        List<ProcessHandle> before = FastCheckers.of(ADDRESS_SPACE);
        CompletableFuture<LintResult> answer = CompletableFuture.supplyAsync(
                () -> linter.lint("starved-student", Tier.FAST, request(2, "print(undefined_name)\n")));
        // Stopped, a checker uses no processor time, as on a machine too busy to run it: longer than the limit (1 s)
        // on the clock, well within twice it.
        FastCheckers.signal("-STOP", before);
        Thread.sleep(1300);
        FastCheckers.signal("-CONT", before);

        LintResult result = answer.join();
        assertEquals(2, result.documentVersion());
        assertTrue(result.diagnostics().get(0).message().contains("undefined_name"));
    }

    private static LintRequest request(long version, String source) {
        return new LintRequest(version, "main.py", source);
    }
}
