package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.StandardStream;
import java.io.IOException;
import java.util.Optional;

/** The one run a sandbox may have at a time, and the agent's frames about it. */
final class AgentRuns {

    /** The grader and the zygote that forks the processes of the tested code. */
    static final int GRADER_PROCESSES = 2;

    private final AgentConnection connection;
    private final CgroupSlot cgroup;
    private final SandboxLimits limits;
    private AgentRun current;

    AgentRuns(AgentConnection connection, CgroupSlot cgroup, SandboxLimits limits) {
        this.connection = connection;
        this.cgroup = cgroup;
        this.limits = limits;
    }

    synchronized Run start(RunRequest request, RunListener listener) {
        return begin(
                AgentConnection.RUN,
                request.limits(),
                AgentRun.encode(request, !cgroup.limitsMemory(), !cgroup.limitsProcessesAlone()),
                listener);
    }

    /** Starts the grader, with room for its own process and its zygote besides the processes of the tested code. */
    synchronized Run startGrader(RunLimits requested, RunListener listener) {
        RunLimits limits = requested.withProcesses(requested.processes() + GRADER_PROCESSES);
        return begin(
                AgentConnection.GRADE,
                limits,
                AgentRun.encodeGrader(limits, !cgroup.limitsMemory(), !cgroup.limitsProcessesAlone()),
                listener);
    }

    private Run begin(byte type, RunLimits runLimits, byte[] payload, RunListener listener) {
        if (current != null) {
            throw new RunRefusedException(
                    RunRefusedException.Reason.WORKSPACE_BUSY,
                    "A program is already running in this workspace: stop it first.");
        }
        try {
            limits.forRun(runLimits);
            AgentRun run = new AgentRun(connection, listener, cgroup);
            connection.send(type, payload);
            current = run;
            return run;
        } catch (IOException e) {
            throw new SandboxException("cannot start a run in the sandbox", e);
        }
    }

    /** Handles the frame if it is about the run; false if it is not. */
    boolean handle(AgentConnection.Frame frame) {
        switch (frame.type()) {
            case AgentConnection.STDOUT ->
                running().ifPresent(run -> run.output(StandardStream.STDOUT, frame.payload()));
            case AgentConnection.STDERR ->
                running().ifPresent(run -> run.output(StandardStream.STDERR, frame.payload()));
            case AgentConnection.FIGURE -> running().ifPresent(run -> run.figure(frame.payload()));
            case AgentConnection.EXIT -> takeCurrent().ifPresent(run -> run.exited(AgentExit.parse(frame.payload())));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The run still going when the sandbox ended, which will hear no more from the agent. */
    synchronized Optional<AgentRun> takeCurrent() {
        AgentRun run = current;
        current = null;
        return Optional.ofNullable(run);
    }

    private synchronized Optional<AgentRun> running() {
        return Optional.ofNullable(current);
    }
}
