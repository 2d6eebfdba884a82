package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.SandboxUsage;
import dev.pyroom.sandbox.entity.TerminalSize;
import dev.pyroom.workspace.control.FileChange;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A sandbox whose PID 1 is the agent ({@code sandbox/agent/agent.py}), reached through its stdin and stdout. Knows
 * nothing of how the sandbox was built, only of the agent's protocol and the cgroup it lives in.
 */
final class AgentSandbox implements Sandbox {

    private static final Logger LOG = Logger.getLogger(AgentSandbox.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final AgentProcess launcher;
    private final AgentConnection connection;
    private final AgentRequests requests;
    private final AgentWorkspace workspace = new AgentWorkspace(this::ask);
    private final AgentTerminals terminals;
    private final AgentRuns runs;
    private final CgroupSlot cgroup;
    private final SandboxLimits limits;
    private final Consumer<AgentSandbox> onEnded;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Thread reader;
    private final Object lock = new Object();
    private boolean closing;
    private boolean ended;

    private AgentSandbox(AgentProcess launcher, CgroupSlot cgroup, int ownProcesses, Consumer<AgentSandbox> onEnded) {
        String name = "pyroom-sandbox-" + THREADS.incrementAndGet();
        this.launcher = launcher;
        this.connection = new AgentConnection(launcher.stdout(), launcher.stdin(), name);
        this.requests = new AgentRequests(connection);
        this.cgroup = cgroup;
        this.limits = new SandboxLimits(cgroup, ownProcesses, this::terminalProcesses);
        this.runs = new AgentRuns(connection, cgroup, limits);
        this.terminals = new AgentTerminals(connection, limits);
        this.onEnded = onEnded;
        this.reader = new Thread(this::readAgent, name);
        reader.setDaemon(true);
    }

    /**
     * Takes over a started sandbox, lets it go on once it is admitted and waits for the agent's greeting. The cgroup is
     * released when the sandbox ends, also when it fails to start.
     *
     * @param ownProcesses processes the sandbox itself keeps in the cgroup besides the run's
     */
    static AgentSandbox launch(
            AgentProcess launcher,
            CgroupSlot cgroup,
            int ownProcesses,
            Duration startTimeout,
            Consumer<AgentSandbox> onEnded) {
        AgentSandbox sandbox = new AgentSandbox(launcher, cgroup, ownProcesses, onEnded);
        sandbox.reader.start();
        try {
            launcher.admit();
            sandbox.connection.releaseLauncher();
            sandbox.ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return sandbox;
        } catch (IOException | TimeoutException e) {
            sandbox.close();
            throw new SandboxException("sandbox did not start", e);
        } catch (ExecutionException e) {
            sandbox.close();
            throw new SandboxException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sandbox.close();
            throw new SandboxException("interrupted while starting a sandbox", e);
        }
    }

    @Override
    public Run start(RunRequest request, RunListener listener) {
        synchronized (lock) {
            requireOpen();
            return runs.start(request, listener);
        }
    }

    @Override
    public Run startGrader(RunLimits limits, RunListener listener) {
        synchronized (lock) {
            requireOpen();
            return runs.startGrader(limits, listener);
        }
    }

    @Override
    public List<FileChange> collectChanges() {
        return workspace.collectChanges();
    }

    @Override
    public void writeFile(String path, byte[] content) {
        workspace.writeFile(path, content);
    }

    @Override
    public void deleteFile(String path) {
        workspace.deleteFile(path);
    }

    @Override
    public void makeFolder(String path) {
        workspace.makeFolder(path);
    }

    @Override
    public Terminal openTerminal(int cols, int rows, TerminalListener listener) {
        return terminals.open(new TerminalSize(cols, rows), listener, this::ask);
    }

    @Override
    public boolean isAlive() {
        synchronized (lock) {
            return !ended && !closing && launcher.isAlive();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
        }
        connection.close();
        if (Thread.currentThread() != reader) {
            try {
                reader.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public SandboxUsage usage() {
        String[] figures = ask(AgentConnection.MEASURE, new byte[0]).text().split(" ");
        return new SandboxUsage(Long.parseLong(figures[0]), Long.parseLong(figures[1]));
    }

    /** The bytes of requests and input queued for the agent and not yet written to it. */
    long queuedForAgentBytes() {
        return connection.queuedBytes();
    }

    private int terminalProcesses() {
        return Integer.parseInt(
                ask(AgentConnection.COUNT_TERMINAL_PROCESSES, new byte[0]).text());
    }

    private AgentRequests.Answer ask(byte type, byte[] payload) {
        if (Thread.currentThread() == reader) {
            throw new IllegalStateException("a sandbox listener cannot wait for its own sandbox");
        }
        synchronized (lock) {
            requireOpen();
        }
        return requests.ask(type, payload);
    }

    private void requireOpen() {
        if (closing || ended) {
            throw new IllegalStateException("the sandbox has ended");
        }
    }

    private void readAgent() {
        try {
            Optional<AgentConnection.Frame> frame;
            while ((frame = connection.receive()).isPresent()) {
                handle(frame.get());
            }
        } catch (IOException | RuntimeException e) {
            if (!isClosing()) {
                LOG.log(Level.WARNING, "lost contact with a sandbox agent", e);
            }
        } finally {
            end();
        }
    }

    private void handle(AgentConnection.Frame frame) {
        if (frame.type() == AgentConnection.HELLO) {
            ready.complete(null);
        } else if (!terminals.handle(frame) && !runs.handle(frame) && !requests.handle(frame)) {
            throw new IllegalStateException("unexpected frame from sandbox agent: " + frame.type());
        }
    }

    private void end() {
        connection.close();
        launcher.awaitExit();
        String errors = launcher.takeErrors();
        ready.completeExceptionally(new SandboxException("sandbox ended before it was ready: " + errors));
        Optional<AgentRun> abandoned;
        boolean byOwner;
        synchronized (lock) {
            abandoned = runs.takeCurrent();
            ended = true;
            byOwner = closing;
        }
        if (!byOwner && !errors.isBlank()) {
            LOG.warning(() -> "sandbox ended unexpectedly: " + errors);
        }
        abandoned.ifPresent(run -> run.abandoned(byOwner));
        requests.end();
        terminals.endAll();
        cgroup.release();
        onEnded.accept(this);
    }

    private boolean isClosing() {
        synchronized (lock) {
            return closing;
        }
    }
}
