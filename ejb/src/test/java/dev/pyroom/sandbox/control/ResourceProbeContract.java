package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunLimits;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hostile programs that try to exhaust what a sandbox may use. Each must end within its limits, leave nothing running
 * and leave the sandbox able to run the next program.
 */
abstract class ResourceProbeContract extends SandboxContract {

    private static final RunLimits SHORT = RunLimits.DEFAULTS.withWallTime(Duration.ofSeconds(2));

    /** Fork bomb: forks without end. Expected: the process limit holds it, the wall clock ends it, nothing remains. */
    @Test
    void forkBomb() throws Exception {
        Outcome outcome =
                run("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n", SHORT);

        assertEquals(RunEnding.TIMED_OUT, outcome.result().ending());
        assertNoOtherProcesses();
    }

    /** Thread bomb: starts threads until it cannot. Expected: refused at the process limit; the program goes on. */
    @Test
    void threadBomb() throws Exception {
        Outcome outcome = run("""
                import threading
                started = 0
                try:
                    while True:
                        threading.Thread(target=threading.Event().wait, daemon=True).start()
                        started += 1
                except RuntimeError:
                    print('refused after', started < 64)
                """);

        assertEquals("refused after True\n", outcome.stdout());
    }

    /** Memory bomb: allocates until it dies. Expected: out of memory; the next run starts with its memory back. */
    @Test
    void memoryBomb() throws Exception {
        Outcome outcome = run("hoard = []\nwhile True:\n    hoard.append(bytearray(16 << 20))\n");

        assertEquals(RunEnding.OUT_OF_MEMORY, outcome.result().ending());
        assertEquals("ok\n", run("block = bytearray(128 << 20)\nprint('ok')\n").stdout());
    }

    /**
     * Memory spread over child processes, each below the limit, held at the same time. Expected: the sandbox-wide
     * limit kills a child.
     */
    @Test
    void memoryHiddenInChildren() throws Exception {
        Outcome outcome = run("""
                import os, time
                children = []
                for _ in range(4):
                    pid = os.fork()
                    if pid == 0:
                        block = bytearray(100 << 20)
                        time.sleep(5)
                        os._exit(0)
                    children.append(pid)
                print(sorted(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children)[0])
                """);

        assertTrue(
                outcome.result().ending() == RunEnding.OUT_OF_MEMORY
                        || outcome.stdout().equals("-9\n"),
                outcome::toString);
    }

    /** CPU spin that ignores SIGXCPU. Expected: the hard CPU limit kills it. */
    @Test
    void cpuSpinIgnoringTheWarning() throws Exception {
        Outcome outcome = run(
                "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\nwhile True:\n    pass\n",
                RunLimits.DEFAULTS.withCpuTime(Duration.ofSeconds(1)));

        assertEquals(RunEnding.CPU_LIMIT, outcome.result().ending());
    }

    /** CPU spread over processes, each under the per-process CPU limit. Expected: the wall clock ends them all. */
    @Test
    void cpuSpinAcrossProcesses() throws Exception {
        Outcome outcome = run("import os\nfor _ in range(3):\n    os.fork()\nwhile True:\n    pass\n", SHORT);

        assertEquals(RunEnding.TIMED_OUT, outcome.result().ending());
        assertNoOtherProcesses();
    }

    /** Sleeps forever. Expected: timed out. */
    @Test
    void sleepForever() throws Exception {
        Outcome outcome =
                run("import time\ntime.sleep(10 ** 9)\n", RunLimits.DEFAULTS.withWallTime(Duration.ofSeconds(1)));

        assertEquals(RunEnding.TIMED_OUT, outcome.result().ending());
    }

    /** Daemonizes (double fork, new session, signals ignored) to outlive the run. Expected: killed when the run ends. */
    @Test
    void daemonOutlivingTheRun() throws Exception {
        Outcome outcome = run("""
                import os, signal, time
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        for number in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
                            signal.signal(number, signal.SIG_IGN)
                        os.closerange(0, 1024)
                        while True:
                            time.sleep(1)
                    os._exit(0)
                print('daemon left behind')
                """);

        assertEquals(RunEnding.EXITED, outcome.result().ending());
        assertNoOtherProcesses();
    }

    /** Output flood. Expected: cut at the output limit, exactly that much delivered. */
    @Test
    void outputFlood() throws Exception {
        Outcome outcome = run("import sys\nwhile True:\n    sys.stdout.buffer.write(b'x' * 65536)\n");

        assertEquals(RunEnding.OUTPUT_LIMIT, outcome.result().ending());
        assertEquals(RunLimits.DEFAULTS.outputBytes(), outcome.stdout().length());
    }

    /** Fills the workspace. Expected: no space left at the workspace's size; the host's disk is never touched. */
    @Test
    void diskFillOfTheWorkspace() throws Exception {
        assertEquals("ENOSPC True\n", run(fill("/workspace", 33)).stdout());
        assertEquals("ok\n", run("print('ok')\n").stdout());
    }

    /** Fills /tmp. Expected: no space left at its size. */
    @Test
    void diskFillOfTmp() throws Exception {
        assertEquals("ENOSPC True\n", run(fill("/tmp", 65)).stdout());
    }

    /** Fills /dev/shm and the home folder. Expected: no space left at their small sizes. */
    @Test
    void diskFillOfSharedMemoryAndHome() throws Exception {
        assertEquals(
                "ENOSPC True\nENOSPC True\n",
                run(fill("/dev/shm", 9) + fill("/home/student", 9)).stdout());
    }

    /** One giant file. Expected: the file size limit ends the run before the file grows past it. */
    @Test
    void giantSingleFile() throws Exception {
        Outcome outcome =
                run("with open('/tmp/giant', 'wb') as f:\n    while True:\n        f.write(b'x' * (1 << 20))\n");

        assertEquals(RunEnding.FILE_SIZE_LIMIT, outcome.result().ending());
    }

    /** A sparse file a terabyte long, which would cost no disk. Expected: refused by the file size limit all the same. */
    @Test
    void sparseGiantFile() throws Exception {
        Outcome outcome = run("with open('sparse', 'wb') as f:\n    f.truncate(1 << 40)\n");

        assertEquals(RunEnding.FILE_SIZE_LIMIT, outcome.result().ending());
    }

    /** Opens files until it cannot. Expected: refused at the sandbox's open-file limit, far below the host's. */
    @Test
    void fileDescriptorExhaustion() throws Exception {
        Outcome outcome = run("""
                import errno
                held = []
                try:
                    while True:
                        held.append(open('/dev/null'))
                except OSError as error:
                    print(errno.errorcode[error.errno], len(held) < 1024)
                """);

        assertEquals("EMFILE True\n", outcome.stdout());
    }

    /** Starts a program with an 8 MiB argument, then an 8 MiB environment. Expected: the kernel refuses both. */
    @Test
    void hugeArgumentsAndEnvironment() throws Exception {
        Outcome outcome = run("""
                import errno, os
                for arguments, environment in ((['true', 'x' * (8 << 20)], {}), (['true'], {'X': 'x' * (8 << 20)})):
                    try:
                        os.execve('/usr/bin/true', arguments, environment)
                    except OSError as error:
                        print(errno.errorcode[error.errno])
                """);

        assertEquals("E2BIG\nE2BIG\n", outcome.stdout(), outcome::toString);
    }

    /** Leaves zombie children to pile up. Expected: refused at the process limit; the next run has its full limit. */
    @Test
    void zombiePile() throws Exception {
        Outcome outcome = run("""
                import os
                try:
                    while True:
                        if os.fork() == 0:
                            os._exit(0)
                except OSError:
                    print('refused')
                """);

        assertEquals("refused\n", outcome.stdout());
        assertNoOtherProcesses();
    }

    /**
     * Creates empty files without end: inodes cost kernel memory, not disk. Expected: bounded by memory or time, and the
     * next run starts, told that the crowded /tmp was emptied.
     */
    @Test
    void inodeFlood() throws Exception {
        Outcome next = runAfterFlood("/tmp", "import os\nprint(len(os.listdir('/tmp')))\n");

        assertEquals("0\n", next.stdout());
        assertTrue(next.stderr().contains("Pyroom emptied /tmp before this run"), next.stderr());
    }

    /**
     * The same flood in the workspace. Expected: the next run starts, the files never saved are gone, the student's
     * program is still there.
     */
    @Test
    void inodeFloodInTheWorkspace() throws Exception {
        Outcome next = runAfterFlood(".", "import os\nprint(sorted(os.listdir('.')))\n");

        assertEquals("['main.py']\n", next.stdout());
        assertTrue(
                next.stderr().contains("Pyroom removed the files of the workspace that were never saved"),
                next.stderr());
    }

    /** Creates empty files in {@code folder} until memory or time runs out, then runs {@code next}. */
    private Outcome runAfterFlood(String folder, String next) throws Exception {
        Outcome flood = run("i = 0\nwhile True:\n    open(f'" + folder + "/{i}', 'w').close()\n    i += 1\n", SHORT);
        assertTrue(Set.of(RunEnding.OUT_OF_MEMORY, RunEnding.TIMED_OUT)
                .contains(flood.result().ending()));
        return run(next);
    }

    /** A program writing 4 MiB files into {@code folder} until refused, then saying whether it stayed below the bound. */
    private static String fill(String folder, int mostMib) {
        return String.format("""
                import errno, os
                written = 0
                try:
                    for n in range(1000):
                        with open(f'%1$s/fill{n}', 'wb') as f:
                            for _ in range(4):
                                f.write(b'x' * (1 << 20))
                                f.flush()
                                written += 1
                except OSError as error:
                    print(errno.errorcode[error.errno], written < %2$d)
                for name in os.listdir('%1$s'):
                    if name.startswith('fill'):
                        os.remove(f'%1$s/{name}')
                """, folder, mostMib);
    }
}
