package dev.pyroom.sandbox.control;

import java.io.IOException;

/** The cgroup one sandbox lives in. Slots are reused from sandbox to sandbox, never created per run. */
interface CgroupSlot {

    /** A slot for hosts without usable cgroups: the sandbox relies on rlimits alone. */
    CgroupSlot NONE = new CgroupSlot() {
        @Override
        public boolean limitsMemory() {
            return false;
        }

        @Override
        public void enter(long pid) {}

        @Override
        public void limitCpu(double cores) {}

        @Override
        public void limitRun(long memoryBytes, int processes) {}

        @Override
        public long oomKills() {
            return 0;
        }

        @Override
        public void release() {}
    };

    /** Whether the cgroup bounds memory; without it a run's address space is limited instead. */
    boolean limitsMemory();

    /**
     * Whether this cgroup alone bounds the sandbox's processes. Where sandboxes share one user id, a per-user process
     * rlimit would count the processes of every sandbox together, so runs and terminals get none.
     */
    default boolean limitsProcessesAlone() {
        return false;
    }

    void enter(long pid) throws IOException;

    void limitCpu(double cores) throws IOException;

    void limitRun(long memoryBytes, int processes) throws IOException;

    /** How often the kernel's OOM killer has struck in this cgroup, ever. */
    long oomKills();

    /** Gives the slot back to its pool once its processes are gone. */
    void release();
}
