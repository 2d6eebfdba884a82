package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Sandboxes built with bubblewrap: new user, PID, network, IPC, UTS, cgroup and mount namespaces; a read-only system;
 * sized tmpfs mounts as the only writable places, the workspace among them, seeded from a read-only host folder; a
 * seccomp filter; a cleared environment; and a cgroup per sandbox, taken from a pool.
 */
public final class BubblewrapBackend implements SandboxBackend {

    private static final Logger LOG = Logger.getLogger(BubblewrapBackend.class.getName());
    /** bwrap on the host side, plus the agent that is PID 1 inside. */
    private static final int OWN_PROCESSES = 2;

    private final BubblewrapSettings settings;
    private final BubblewrapHost host;
    private final Set<Sandbox> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private BubblewrapBackend(BubblewrapSettings settings, BubblewrapHost host) {
        this.settings = settings;
        this.host = host;
    }

    /**
     * Prepares the files sandboxes need and the cgroup pool.
     *
     * @throws SandboxException when bubblewrap or the seccomp filter is not available
     */
    public static BubblewrapBackend start(BubblewrapSettings settings) {
        BubblewrapHost host = BubblewrapHost.prepare(settings);
        host.runAsUid().ifPresent(uid -> LOG.info(() -> "server runs as root: sandboxes run as host user " + uid));
        return new BubblewrapBackend(settings, host);
    }

    /** How sandboxes are limited on this host, for logs and health pages. */
    public String limitsDescription() {
        return host.cgroups().describe();
    }

    @Override
    public Sandbox open(SandboxSpec spec) {
        if (closed) {
            throw new IllegalStateException("the backend is closed");
        }
        if (!Files.isDirectory(spec.workspace(), LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("workspace is not a directory: " + spec.workspace());
        }
        CgroupSlot cgroup;
        Path errorLog;
        try {
            if (host.runAsUid().isPresent()) {
                WorkspaceOwner.handOver(spec.workspace(), host.runAsUid().getAsInt());
            }
            errorLog = host.runtime().newErrorLog();
            cgroup = limitedCgroup(spec);
        } catch (IOException e) {
            throw new SandboxException("cannot prepare a sandbox", e);
        }
        ProcessBuilder builder = new ProcessBuilder(host.command().forSandbox(spec));
        builder.environment().clear();
        builder.environment().putAll(BubblewrapCommand.ENVIRONMENT);
        LauncherProcess launcher;
        try {
            launcher = LauncherProcess.start(builder, errorLog, cgroup);
        } catch (IOException e) {
            cgroup.release();
            throw new SandboxException("cannot start the sandbox launcher", e);
        }
        Sandbox sandbox = AgentSandbox.launch(launcher, cgroup, OWN_PROCESSES, settings.startTimeout(), open::remove);
        open.add(sandbox);
        if (!sandbox.isAlive()) {
            open.remove(sandbox);
        }
        return sandbox;
    }

    private CgroupSlot limitedCgroup(SandboxSpec spec) throws IOException {
        CgroupSlot cgroup = host.cgroups().acquire();
        try {
            cgroup.limitCpu(spec.cpuCores());
            cgroup.limitRun(RunLimits.DEFAULTS.memoryBytes(), RunLimits.DEFAULTS.processes() + OWN_PROCESSES);
            return cgroup;
        } catch (IOException e) {
            cgroup.release();
            throw e;
        }
    }

    @Override
    public void close() {
        closed = true;
        List.copyOf(open).forEach(Sandbox::close);
        host.close();
    }
}
