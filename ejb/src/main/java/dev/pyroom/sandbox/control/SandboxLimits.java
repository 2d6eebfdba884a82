package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.TerminalSize;
import java.io.IOException;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a sandbox's cgroup allows as a whole: the memory and processes of the last run, with room for the processes of
 * open terminals. Terminals get the same memory and file size limits as runs, but no time limits. Where the cgroup
 * alone bounds processes, a run starts with room for exactly the processes the terminals hold, so that they do not
 * count against the run's limit, nor add to it.
 */
final class SandboxLimits {

    private static final Logger LOG = Logger.getLogger(SandboxLimits.class.getName());
    /** The agent, which counts against the process limit inside the sandbox. */
    private static final int AGENT = 1;

    private final CgroupSlot cgroup;
    private final int ownProcesses;
    private final IntSupplier terminalProcesses;
    private RunLimits lastRun = RunLimits.DEFAULTS;
    private boolean terminalsOpen;

    /** @param terminalProcesses asks the sandbox how many processes its terminals hold now */
    SandboxLimits(CgroupSlot cgroup, int ownProcesses, IntSupplier terminalProcesses) {
        this.cgroup = cgroup;
        this.ownProcesses = ownProcesses;
        this.terminalProcesses = terminalProcesses;
    }

    synchronized void forRun(RunLimits limits) throws IOException {
        lastRun = limits;
        if (terminalsOpen && cgroup.limitsProcessesAlone()) {
            cgroup.limitRun(limits.memoryBytes(), limits.processes() + ownProcesses + terminalProcesses.getAsInt());
        } else {
            apply();
        }
    }

    synchronized void terminalsOpen(boolean open) {
        terminalsOpen = open;
        try {
            apply();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot adjust a sandbox's cgroup limits", e);
        }
    }

    synchronized byte[] terminalRequest(AgentTerminal terminal, TerminalSize size) {
        return terminal.openRequest(
                size,
                cgroup.limitsProcessesAlone() ? 0 : lastRun.processes() + AgentTerminals.PROCESSES + AGENT,
                cgroup.limitsMemory() ? 0 : AgentRun.addressSpace(lastRun.memoryBytes()),
                lastRun.fileSizeBytes());
    }

    private void apply() throws IOException {
        int terminalProcesses = terminalsOpen ? AgentTerminals.PROCESSES : 0;
        cgroup.limitRun(lastRun.memoryBytes(), lastRun.processes() + ownProcesses + terminalProcesses);
    }
}
