package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Long-lived helper processes, such as lint workers, started under the confinement of a run sandbox but without a
 * workspace: new namespaces (no network), the sandboxes' seccomp filter, a read-only system with a sized private
 * {@code /tmp}, an unprivileged host user when the server runs as root, a cleared environment, and a cgroup of their
 * own that bounds their memory and processes. The command runs as PID 1 of its sandbox.
 */
public final class ConfinedProcesses implements AutoCloseable {

    private final BubblewrapHost host;

    private ConfinedProcesses(BubblewrapHost host) {
        this.host = host;
    }

    /**
     * Prepares the confinement; its cgroups live under their own directory, {@code settings.cgroupName()}.
     *
     * @throws SandboxException when bubblewrap, the interpreter or the seccomp filter is not available
     */
    public static ConfinedProcesses prepare(BubblewrapSettings settings) {
        return new ConfinedProcesses(BubblewrapHost.prepare(settings));
    }

    /**
     * Starts {@code service} (an interpreter under {@code /usr} and its arguments) in a sandbox of its own, once it is
     * inside its cgroup. The cgroup returns to the pool when the process has exited.
     */
    public Process start(List<String> service, long memoryBytes, int processes, long tmpBytes) throws IOException {
        CgroupSlot cgroup = host.cgroups().acquire();
        Process process;
        try {
            cgroup.limitRun(memoryBytes, processes);
            ProcessBuilder builder = new ProcessBuilder(host.command().forService(tmpBytes, service));
            builder.environment().clear();
            builder.environment().putAll(BubblewrapCommand.ENVIRONMENT);
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            cgroup.release();
            throw e;
        }
        process.onExit().thenRun(cgroup::release);
        try {
            cgroup.enter(process.pid());
            // The launcher holds the sandbox back until it reads a line: only then is it surely inside its cgroup.
            OutputStream stdin = process.getOutputStream();
            stdin.write('\n');
            stdin.flush();
            return process;
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    @Override
    public void close() {
        host.close();
    }
}
