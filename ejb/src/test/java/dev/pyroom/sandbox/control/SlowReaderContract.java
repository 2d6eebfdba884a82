package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.sandbox.entity.OutputChunk;
import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.StandardStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading, such as a student's own WebSocket client, while a program prints without end or the
 * client floods it with input: the server holds no more than its stated bounds, and the run can still be stopped.
 */
abstract class SlowReaderContract extends SandboxContract {

    private static final long BOUND = 64 * 1024;
    private static final String PRINTS_WITHOUT_END = "while True:\n    print('x' * 1000)\n";
    private static final RunLimits LONG_AND_LOUD = RunLimits.DEFAULTS
            .withWallTime(Duration.ofMinutes(2))
            .withCpuTime(Duration.ofMinutes(2))
            .withOutputBytes(Long.MAX_VALUE / 2);

    /**
     * Attack: the browser takes no output at all. Expected: output beyond the bound is dropped rather than held, the
     * program keeps running, and a stop request still ends it.
     */
    @Test
    void aBrowserThatTakesNothingHoldsNoMoreThanTheBoundAndTheRunCanStillBeStopped() throws Exception {
        OutputQueue<OutputChunk> browser = new OutputQueue<>(
                BOUND,
                Duration.ofMillis(200),
                chunk -> chunk.text().length(),
                new OutputChunk(StandardStream.STDERR, "output dropped"),
                (chunk, done) -> {});
        write("main.py", PRINTS_WITHOUT_END);

        Run run = sandbox.start(RunRequest.of("main.py").withLimits(LONG_AND_LOUD), browser::offer);
        waitFor(() -> browser.droppedBytes() > 50 * BOUND);

        assertTrue(browser.heldBytes() <= BOUND, "held " + browser.heldBytes());
        run.stop();
        assertEquals(RunEnding.STOPPED, await(run).ending());
    }

    /**
     * Attack: while the server cannot pass output on, so the sandbox takes no requests, the client floods the program
     * with input. Expected: input beyond the bound of frames queued for the sandbox is refused, not held; once output
     * flows again, a stop request ends the run.
     */
    @Test
    void inputBeyondTheBoundIsRefusedWhileTheSandboxTakesNone() throws Exception {
        CountDownLatch outputBlocked = new CountDownLatch(1);
        write("main.py", PRINTS_WITHOUT_END);
        Run run = sandbox.start(RunRequest.of("main.py").withLimits(LONG_AND_LOUD), chunk -> {
            try {
                outputBlocked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String input = "y".repeat(64 * 1024);

        assertThrows(SandboxException.class, () -> {
            for (int sent = 0; sent < 1024; sent++) {
                run.sendInput(input);
            }
        });

        long queued = ((AgentSandbox) sandbox).queuedForAgentBytes();
        assertTrue(queued <= AgentConnection.OUTBOX_BYTES, "queued " + queued);
        outputBlocked.countDown();
        run.stop();
        assertEquals(RunEnding.STOPPED, await(run).ending());
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RESULT_TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the program printed too little in time");
            Thread.sleep(50);
        }
    }
}
