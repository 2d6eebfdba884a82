package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.StandardStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
 * A sandbox whose PID 1 is the agent ({@code sandbox/agent.py}), reached through the launcher process's stdin and
 * stdout. Knows nothing of how the sandbox was built, only of the agent's protocol and the cgroup it lives in.
 */
final class AgentSandbox implements Sandbox {

    private static final Logger LOG = Logger.getLogger(AgentSandbox.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final LauncherProcess launcher;
    private final AgentConnection connection;
    private final CgroupSlot cgroup;
    private final int ownProcesses;
    private final Consumer<AgentSandbox> onEnded;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Thread reader;
    private final Object lock = new Object();
    private AgentRun current;
    private boolean closing;
    private boolean ended;

    private AgentSandbox(
            LauncherProcess launcher, CgroupSlot cgroup, int ownProcesses, Consumer<AgentSandbox> onEnded) {
        this.launcher = launcher;
        this.connection = new AgentConnection(launcher.stdout(), launcher.stdin());
        this.cgroup = cgroup;
        this.ownProcesses = ownProcesses;
        this.onEnded = onEnded;
        this.reader = new Thread(this::readAgent, "pyroom-sandbox-" + THREADS.incrementAndGet());
        reader.setDaemon(true);
    }

    /**
     * Starts the launcher, puts it into its cgroup, lets it go on and waits for the agent's greeting.
     *
     * @param ownProcesses processes the sandbox itself keeps in the cgroup besides the run's
     * @param errorLog where the builder sends the launcher's stderr; deleted when the sandbox ends
     */
    static AgentSandbox launch(
            ProcessBuilder builder,
            CgroupSlot cgroup,
            int ownProcesses,
            Path errorLog,
            Duration startTimeout,
            Consumer<AgentSandbox> onEnded) {
        LauncherProcess launcher;
        try {
            launcher = LauncherProcess.start(builder, errorLog);
        } catch (IOException e) {
            cgroup.release();
            throw new SandboxException("cannot start the sandbox launcher", e);
        }
        AgentSandbox sandbox = new AgentSandbox(launcher, cgroup, ownProcesses, onEnded);
        sandbox.reader.start();
        try {
            cgroup.enter(launcher.pid());
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
            if (closing || ended) {
                throw new IllegalStateException("the sandbox has ended");
            }
            if (current != null) {
                throw new IllegalStateException("a run is still going in this sandbox");
            }
            try {
                cgroup.limitRun(request.limits().memoryBytes(), request.limits().processes() + ownProcesses);
                AgentRun run = new AgentRun(connection, listener, cgroup);
                connection.send(AgentConnection.RUN, AgentRun.encode(request, !cgroup.limitsMemory()));
                current = run;
                return run;
            } catch (IOException e) {
                throw new SandboxException("cannot start a run in the sandbox", e);
            }
        }
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
        switch (frame.type()) {
            case AgentConnection.HELLO -> ready.complete(null);
            case AgentConnection.STDOUT ->
                currentRun().ifPresent(run -> run.output(StandardStream.STDOUT, frame.payload()));
            case AgentConnection.STDERR ->
                currentRun().ifPresent(run -> run.output(StandardStream.STDERR, frame.payload()));
            case AgentConnection.EXIT -> finishedRun().ifPresent(run -> run.exited(AgentExit.parse(frame.payload())));
            default -> throw new IllegalStateException("unexpected frame from sandbox agent: " + frame.type());
        }
    }

    private void end() {
        connection.close();
        launcher.awaitExit();
        String errors = launcher.takeErrors();
        ready.completeExceptionally(new SandboxException("sandbox ended before it was ready: " + errors));
        AgentRun abandoned;
        boolean byOwner;
        synchronized (lock) {
            abandoned = current;
            current = null;
            ended = true;
            byOwner = closing;
        }
        if (!byOwner && !errors.isBlank()) {
            LOG.warning(() -> "sandbox ended unexpectedly: " + errors);
        }
        if (abandoned != null) {
            abandoned.abandoned(byOwner);
        }
        cgroup.release();
        onEnded.accept(this);
    }

    private Optional<AgentRun> currentRun() {
        synchronized (lock) {
            return Optional.ofNullable(current);
        }
    }

    private Optional<AgentRun> finishedRun() {
        synchronized (lock) {
            AgentRun run = current;
            current = null;
            return Optional.ofNullable(run);
        }
    }

    private boolean isClosing() {
        synchronized (lock) {
            return closing;
        }
    }
}
