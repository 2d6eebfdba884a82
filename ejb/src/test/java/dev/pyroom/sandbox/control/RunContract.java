package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.RunResult;
import dev.pyroom.sandbox.entity.SandboxUsage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Running a file: output, exit status, input, errors, one run at a time. */
abstract class RunContract extends SandboxContract {

    @Test
    void showsWhatTheProgramPrints() throws Exception {
        Outcome outcome = run("print('Hello, Pyroom!')\n");

        assertEquals("Hello, Pyroom!\n", outcome.stdout());
        assertEquals(new RunResult(RunEnding.EXITED, 0, outcome.result().duration(), false), outcome.result());
    }

    @Test
    void keepsStdoutAndStderrApart() throws Exception {
        Outcome outcome = run("import sys\nprint('to out')\nprint('to err', file=sys.stderr)\nprint('out again')\n");

        assertEquals("to out\nout again\n", outcome.stdout());
        assertEquals("to err\n", outcome.stderr());
    }

    @Test
    void keepsCharactersWhole() throws Exception {
        Outcome outcome = run("print('Grüße, 世界 🐍' * 5000)\n");

        assertEquals("Grüße, 世界 🐍".repeat(5000) + "\n", outcome.stdout());
    }

    @Test
    void reportsTheExitStatus() throws Exception {
        Outcome outcome = run("import sys\nsys.exit(3)\n");

        assertEquals(RunEnding.EXITED, outcome.result().ending());
        assertEquals(3, outcome.result().exitCode());
    }

    @Test
    void endsWithExitAndQuitAsPlainPythonDoes() throws Exception {
        Outcome exited = run("print('before')\nexit(4)\nprint('after')\n");
        Outcome quitted = run("quit()\nprint('after')\n");

        assertEquals("before\n", exited.stdout());
        assertEquals(4, exited.result().exitCode());
        assertEquals("", quitted.stdout());
        assertEquals(0, quitted.result().exitCode());
    }

    @Test
    void showsTheTracebackOfTheProgramOnly() throws Exception {
        Outcome outcome = run("x = 1\nprint(x / 0)\n");

        assertEquals(1, outcome.result().exitCode());
        assertTrue(outcome.stderr().startsWith("Traceback (most recent call last):\n"), outcome.stderr());
        assertTrue(outcome.stderr().contains("File \"/workspace/main.py\", line 2, in <module>"), outcome.stderr());
        assertTrue(outcome.stderr().endsWith("ZeroDivisionError: division by zero\n"), outcome.stderr());
        assertFalse(outcome.stderr().contains("agent"), outcome.stderr());
    }

    @Test
    void showsSyntaxErrors() throws Exception {
        Outcome outcome = run("print('unclosed'\n");

        assertEquals(1, outcome.result().exitCode());
        assertTrue(outcome.stderr().contains("SyntaxError"), outcome.stderr());
    }

    @Test
    void saysWhenTheFileIsMissing() throws Exception {
        Run run = sandbox.start(RunRequest.of("nowhere.py"), new Transcript());

        assertEquals(2, await(run).exitCode());
    }

    @Test
    void passesArgumentsAndRunsInTheWorkspace() throws Exception {
        sandbox.makeFolder("lesson");
        write("lesson/helper.py", "GREETING = 'hi'\n");
        write(
                "lesson/task.py",
                "import os, sys\nfrom helper import GREETING\nprint(GREETING, sys.argv, os.getcwd())\n");
        Transcript transcript = new Transcript();

        Run run = sandbox.start(RunRequest.of("lesson/task.py").withArguments(List.of("a b", "c")), transcript);

        assertEquals(RunEnding.EXITED, await(run).ending());
        assertEquals("hi ['lesson/task.py', 'a b', 'c'] /workspace\n", transcript.stdout());
    }

    @Test
    void sendsInputToTheProgram() throws Exception {
        Outcome outcome = run(
                "name = input('Name? ')\nprint(f'Hello, {name}!')\n",
                RunLimits.DEFAULTS,
                run -> run.sendInput("Ada\n"));

        assertEquals("Name? Hello, Ada!\n", outcome.stdout());
    }

    @Test
    void streamsOutputWhileTheProgramWaitsForInput() throws Exception {
        write("main.py", "name = input('Name? ')\nprint(f'Hello, {name}!')\n");
        CompletableFuture<Run> running = new CompletableFuture<>();
        Transcript transcript = new Transcript(stdout -> {
            if (stdout.equals("Name? ")) {
                running.join().sendInput("Grace\n");
            }
        });
        running.complete(sandbox.start(RunRequest.of("main.py"), transcript));

        assertEquals(RunEnding.EXITED, await(running.get()).ending());
        assertEquals("Name? Hello, Grace!\n", transcript.stdout());
    }

    @Test
    void endsInputWhenAsked() throws Exception {
        Outcome outcome = run("import sys\nprint(sum(int(line) for line in sys.stdin))\n", RunLimits.DEFAULTS, run -> {
            run.sendInput("1\n2\n");
            run.closeInput();
        });

        assertEquals("3\n", outcome.stdout());
    }

    @Test
    void measuresTheMemoryProgramsHoldAndTheCpuTheyUsedEvenAfterTheyEnd() throws Exception {
        long held = 80L * 1024 * 1024;
        write("main.py", """
                import time
                block = bytearray(%d)
                for i in range(0, len(block), 4096):
                    block[i] = 1
                start = time.process_time()
                while time.process_time() - start < 0.5:
                    pass
                print('ready', flush=True)
                input()
                """.formatted(held));
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Run run = sandbox.start(RunRequest.of("main.py"), new Transcript(stdout -> {
            if (stdout.contains("ready")) {
                ready.complete(null);
            }
        }));
        ready.get(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);

        SandboxUsage running = sandbox.usage();
        run.stop();
        await(run);
        SandboxUsage after = sandbox.usage();

        assertTrue(running.memoryBytes() >= held, "memory while the block is held: " + running.memoryBytes());
        assertTrue(running.cpuMillis() >= 500, "CPU after half a second of spinning: " + running.cpuMillis());
        assertTrue(after.memoryBytes() < held, "memory once the program ended: " + after.memoryBytes());
        assertTrue(after.cpuMillis() >= running.cpuMillis(), "the ended program's CPU time was forgotten");
    }

    @Test
    void runsOneProgramAtATime() throws Exception {
        write("main.py", "input()\n");
        Run first = sandbox.start(RunRequest.of("main.py"), new Transcript());

        RunRefusedException refused = assertThrows(
                RunRefusedException.class, () -> sandbox.start(RunRequest.of("main.py"), new Transcript()));
        assertEquals("A program is already running in this workspace: stop it first.", refused.getMessage());

        first.stop();
        assertEquals(RunEnding.STOPPED, await(first).ending());
        assertEquals(RunEnding.EXITED, run("print('next')\n").result().ending());
    }

    @Test
    void closingTheSandboxStopsTheRun() throws Exception {
        write("main.py", "input()\n");
        Run run = sandbox.start(RunRequest.of("main.py"), new Transcript());

        sandbox.close();

        assertEquals(RunEnding.STOPPED, await(run).ending());
        assertFalse(sandbox.isAlive());
    }
}
