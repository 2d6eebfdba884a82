package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A shell on a pseudo-terminal in the same sandbox as the runs, living alongside them. */
abstract class TerminalContract extends SandboxContract {

    Screen screen;
    Terminal terminal;

    void openTerminal() {
        screen = new Screen();
        terminal = sandbox.openTerminal(80, 24, screen);
    }

    void type(String keys) {
        terminal.write(keys.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void runsBashInTheWorkspaceWithPythonAtHand() throws Exception {
        write("hello.py", "print('hi')\n");
        openTerminal();

        type("python3 -V; ls; echo \"$(id -un)@$(hostname):$(pwd)-$((6*7))\"\n");

        screen.await("Python 3.");
        screen.await("hello.py");
        screen.await("student@pyroom:/workspace-42");
    }

    @Test
    void resizingSignalsTheForegroundProgram() throws Exception {
        openTerminal();
        type("stty size\n");
        screen.await("24 80");

        type("python3 -c \"import signal as s; s.pthread_sigmask(s.SIG_BLOCK, {s.SIGWINCH}); "
                + "print('waiting', 6*7, flush=True); s.sigwait({s.SIGWINCH}); print('winch', 6*7)\"\n");
        screen.await("waiting 42");
        terminal.resize(100, 40);
        screen.await("winch 42");
        type("stty size\n");
        screen.await("40 100");
    }

    @Test
    void ctrlCInterruptsTheForegroundProgramButNotTheShell() throws Exception {
        openTerminal();
        // The shell hands the terminal to a job before the job starts: once it prints, ^C reaches it.
        type("sh -c 'echo sleeping-$((6*7)); exec sleep 100'\n");
        screen.await("sleeping-42");

        type("\u0003");
        type("echo back-$((6*7))\n");

        screen.await("back-42");
        assertTrue(terminal.isOpen());
    }

    @Test
    void reachesAPythonRepl() throws Exception {
        openTerminal();
        type("python3 -q\n");
        screen.await(">>> ");
        type("print(6 * 7)\n");
        screen.await("42");
        type("exit()\n");
        type("echo shell-$((6*7))\n");
        screen.await("shell-42");
    }

    @Test
    void exitingTheShellClosesTheTerminal() throws Exception {
        openTerminal();
        type("exit\n");

        screen.awaitClosed();
        assertFalse(terminal.isOpen());
    }

    @Test
    void closingEndsTheShellAndEverythingItStarted() throws Exception {
        openTerminal();
        type("sleep 1000 & setsid sleep 1001 & echo started-$((6*7))\n");
        screen.await("started-42");

        terminal.close();

        screen.awaitClosed();
        assertNoOtherProcesses();
    }

    @Test
    void aRunEndsItsOwnProcessesOnlyAndTheTerminalKeepsItsJobs() throws Exception {
        openTerminal();
        type("sleep 1000 & setsid sleep 1001 & " + UNTIL_BOTH_SLEEP + "echo started-$((6*7))\n");
        screen.await("started-42");

        Outcome outcome = run("""
                import os, time
                if os.fork() == 0:
                    os.setsid()
                    time.sleep(600)
                print('left a daemon')
                """);

        assertEquals(RunEnding.EXITED, outcome.result().ending());
        assertEquals("['sleep 1000', 'sleep 1001']\n", run(LIST_PROCESSES).stdout());
        type("echo alive-$((6*7))\n");
        screen.await("alive-42");
    }

    @Test
    void aRunOutOfMemoryLeavesTheTerminalAlone() throws Exception {
        openTerminal();

        Outcome outcome = run("block = bytearray(1 << 30)\n");

        assertEquals(RunEnding.OUT_OF_MEMORY, outcome.result().ending());
        type("echo alive-$((6*7))\n");
        screen.await("alive-42");
    }

    @Test
    void terminalProcessesDoNotEatIntoARunsProcessLimit() throws Exception {
        openTerminal();
        type("sleep 1000 & sleep 1001 & echo started-$((6*7))\n");
        screen.await("started-42");

        Outcome outcome = run(FORK_UNTIL_REFUSED, RunLimits.DEFAULTS.withProcesses(8));

        assertEquals("forks refused after 7\n", outcome.stdout());
    }

    @Test
    void refusesSizesOutOfRangeAndTooManyTerminals() {
        assertThrows(IllegalArgumentException.class, () -> sandbox.openTerminal(0, 24, new Screen()));
        assertThrows(IllegalArgumentException.class, () -> sandbox.openTerminal(80, 100_000, new Screen()));
        for (int i = 0; i < AgentTerminals.MAX_OPEN; i++) {
            sandbox.openTerminal(80, 24, new Screen());
        }
        assertThrows(IllegalStateException.class, () -> sandbox.openTerminal(80, 24, new Screen()));
    }

    /** Shell code that returns once {@code sleep 1000} and {@code sleep 1001} both run; the brackets keep grep's own
     * command line from matching. */
    static final String UNTIL_BOTH_SLEEP = "until [ \"$(cat /proc/[0-9]*/cmdline 2>/dev/null | tr '\\0' ' '"
            + " | grep -o 'sleep 100[01]' | wc -l)\" -ge 2 ]; do :; done; ";

    /** Lists the command lines of every process but the sandbox's PID 1 and the lister itself. */
    static final String LIST_PROCESSES = """
            import os
            found = []
            for pid in os.listdir('/proc'):
                if pid.isdigit() and int(pid) not in (1, os.getpid()):
                    try:
                        found.append(open(f'/proc/{pid}/cmdline').read().replace('\\0', ' ').strip())
                    except OSError:
                        pass
            print(sorted(command for command in found if command.startswith('sleep')))
            """;
}
