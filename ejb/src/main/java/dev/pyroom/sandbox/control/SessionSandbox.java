package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.SandboxLoad;
import dev.pyroom.sandbox.entity.SandboxUsage;
import dev.pyroom.workspace.control.FileChange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** One workspace's sandbox on this node, with the host folder it works in. */
public final class SessionSandbox implements AutoCloseable {

    private final long workspaceId;
    private final Sandbox sandbox;
    private final Path folder;
    private volatile Instant lastActivity;
    private volatile Run current;
    private final AtomicInteger openTerminals = new AtomicInteger();
    private long measuredCpuMillis;
    private Instant measuredAt;

    SessionSandbox(long workspaceId, Sandbox sandbox, Path folder, Instant now) {
        this.workspaceId = workspaceId;
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.lastActivity = now;
        this.measuredAt = now;
    }

    public Run start(RunRequest request, RunListener listener) {
        return track(sandbox.start(request, listener));
    }

    /** @see Sandbox#startGrader(RunLimits, RunListener) */
    public Run startGrader(RunLimits limits, RunListener listener) {
        return track(sandbox.startGrader(limits, listener));
    }

    private Run track(Run run) {
        lastActivity = Instant.now();
        current = run;
        run.result().whenComplete((result, error) -> lastActivity = Instant.now());
        return run;
    }

    /**
     * Stops the program running in this sandbox, whoever started it.
     *
     * @return whether a program was running
     */
    public boolean stopRun() {
        Run run = current;
        if (run == null || run.result().isDone()) {
            return false;
        }
        run.stop();
        return true;
    }

    /** CPU in percent of one core since the previous measure (or the start), and memory now. */
    public synchronized SandboxLoad measure() {
        SandboxUsage usage = sandbox.usage();
        Instant now = Instant.now();
        long wallMillis = Math.max(1, Duration.between(measuredAt, now).toMillis());
        long cpuPercent = (usage.cpuMillis() - measuredCpuMillis) * 100 / wallMillis;
        measuredCpuMillis = usage.cpuMillis();
        measuredAt = now;
        return new SandboxLoad((int) Math.min(cpuPercent, Integer.MAX_VALUE), usage.memoryBytes());
    }

    /** @see Sandbox#collectChanges() */
    public List<FileChange> collectChanges() {
        return sandbox.collectChanges();
    }

    /** Puts a file the editor saved into the live sandbox. @see Sandbox#writeFile(String, byte[]) */
    public void writeFile(String path, byte[] content) {
        lastActivity = Instant.now();
        sandbox.writeFile(path, content);
    }

    /** @see Sandbox#deleteFile(String) */
    public void deleteFile(String path) {
        lastActivity = Instant.now();
        sandbox.deleteFile(path);
    }

    /** @see Sandbox#makeFolder(String) */
    public void makeFolder(String path) {
        lastActivity = Instant.now();
        sandbox.makeFolder(path);
    }

    /**
     * Opens a shell; typing into it counts as activity, so a sandbox used only through its terminal is not reaped as
     * idle. @see Sandbox#openTerminal(int, int, TerminalListener)
     */
    public Terminal openTerminal(int cols, int rows, TerminalListener listener) {
        lastActivity = Instant.now();
        Terminal terminal = sandbox.openTerminal(cols, rows, listener);
        openTerminals.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        return new Terminal() {
            @Override
            public void write(byte[] input) {
                lastActivity = Instant.now();
                terminal.write(input);
            }

            @Override
            public void resize(int cols, int rows) {
                terminal.resize(cols, rows);
            }

            @Override
            public boolean isOpen() {
                return terminal.isOpen();
            }

            @Override
            public void close() {
                if (closed.compareAndSet(false, true)) {
                    openTerminals.decrementAndGet();
                }
                terminal.close();
            }
        };
    }

    /** Whether a program runs or a terminal is open: something in the sandbox may be changing files. */
    public boolean isInUse() {
        Run run = current;
        return (run != null && !run.result().isDone()) || openTerminals.get() > 0;
    }

    public long workspaceId() {
        return workspaceId;
    }

    public boolean isAlive() {
        return sandbox.isAlive();
    }

    public Instant lastActivity() {
        return lastActivity;
    }

    Path folder() {
        return folder;
    }

    /** Kills everything in the sandbox; its folder is removed by whoever opened it. */
    @Override
    public void close() {
        sandbox.close();
    }
}
