package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Every limit ends a run with its own reason, and the sandbox stays usable afterwards. */
abstract class LimitsContract extends SandboxContract {

    private static final String DAEMON = """
            import os, time
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    time.sleep(600)
                os._exit(0)
            os.wait()
            """;

    @Test
    void endsAProgramThatRunsTooLong() throws Exception {
        Outcome outcome = run("import time\ntime.sleep(600)\n", RunLimits.DEFAULTS.withWallTime(Duration.ofSeconds(1)));

        assertEquals(RunEnding.TIMED_OUT, outcome.result().ending());
    }

    @Test
    void endsAProgramThatComputesTooLong() throws Exception {
        Outcome outcome = run("while True:\n    pass\n", RunLimits.DEFAULTS.withCpuTime(Duration.ofSeconds(1)));

        assertEquals(RunEnding.CPU_LIMIT, outcome.result().ending());
    }

    @Test
    void endsAProgramThatTakesTooMuchMemoryAndRunsTheNextOne() throws Exception {
        Outcome outcome = run("block = bytearray(1 << 30)\nprint('allocated')\n");

        assertEquals(RunEnding.OUT_OF_MEMORY, outcome.result().ending());
        assertEquals("", outcome.stdout());
        assertEquals("still here\n", run("print('still here')\n").stdout());
    }

    @Test
    void containsAForkBomb() throws Exception {
        Outcome outcome = run(
                "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n",
                RunLimits.DEFAULTS.withWallTime(Duration.ofSeconds(2)).withProcesses(16));

        assertEquals(RunEnding.TIMED_OUT, outcome.result().ending());
        assertNoOtherProcesses();
    }

    @Test
    void countsProcessesAgainstTheLimit() throws Exception {
        Outcome outcome = run(FORK_UNTIL_REFUSED, RunLimits.DEFAULTS.withProcesses(8));

        assertEquals("forks refused after 7\n", outcome.stdout());
    }

    @Test
    void cutsOutputAtTheLimit() throws Exception {
        Outcome outcome = run("while True:\n    print('x' * 99)\n", RunLimits.DEFAULTS.withOutputBytes(10_000));

        assertEquals(RunEnding.OUTPUT_LIMIT, outcome.result().ending());
        assertTrue(outcome.result().outputTruncated());
        assertEquals(("x".repeat(99) + "\n").repeat(100), outcome.stdout());
    }

    @Test
    void refusesFilesBeyondTheSizeLimit() throws Exception {
        Outcome outcome = run(
                "with open('big.bin', 'wb') as f:\n    f.write(b'x' * (2 << 20))\n",
                RunLimits.DEFAULTS.withFileSizeBytes(1 << 20));

        assertEquals(RunEnding.FILE_SIZE_LIMIT, outcome.result().ending());
        assertEquals(
                "1048576\n",
                run("import os\nprint(os.path.getsize('big.bin'))\n").stdout());
    }

    @Test
    void stopKillsTheProgramAndItsDaemons() throws Exception {
        write("main.py", DAEMON + "print('daemon started', flush=True)\ninput()\n");
        CompletableFuture<Run> running = new CompletableFuture<>();
        Transcript transcript = new Transcript(stdout -> {
            if (stdout.contains("daemon started")) {
                running.join().stop();
            }
        });
        running.complete(sandbox.start(RunRequest.of("main.py"), transcript));

        assertEquals(RunEnding.STOPPED, await(running.get()).ending());
        assertNoOtherProcesses();
    }

    @Test
    void daemonsEndWithTheRun() throws Exception {
        Outcome outcome = run(DAEMON + "print('leaving a daemon behind')\n");

        assertEquals(RunEnding.EXITED, outcome.result().ending());
        assertNoOtherProcesses();
    }
}
