package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** cgroup v1: one hierarchy per controller, each holding its own copy of every slot. */
final class CgroupV1 implements CgroupDriver {

    private final Path memory;
    private final Path pids;
    private final Path cpu;

    private CgroupV1(Path memory, Path pids, Path cpu) {
        this.memory = memory;
        this.pids = pids;
        this.cpu = cpu;
    }

    /** Prepares this server's directory in each hierarchy, given their mount points. */
    static CgroupV1 prepare(Path memoryMount, Path pidsMount, Path cpuMount, String name) throws IOException {
        for (Path mount : List.of(memoryMount, pidsMount, cpuMount)) {
            Path parent = Files.createDirectories(mount.resolve(name));
            CgroupFiles.removeDeadInstances(parent);
            Files.createDirectories(CgroupFiles.instance(parent));
        }
        return new CgroupV1(
                CgroupFiles.instance(memoryMount.resolve(name)),
                CgroupFiles.instance(pidsMount.resolve(name)),
                CgroupFiles.instance(cpuMount.resolve(name)));
    }

    @Override
    public String describe() {
        return "cgroup v1 (" + memory + ", " + pids + ", " + cpu + ")";
    }

    @Override
    public void createSlot(String slot) throws IOException {
        for (Path hierarchy : hierarchies()) {
            Files.createDirectories(hierarchy.resolve(slot));
        }
    }

    @Override
    public void removeSlot(String slot) {
        hierarchies().forEach(hierarchy -> CgroupFiles.removeTree(hierarchy.resolve(slot)));
    }

    @Override
    public void removeInstance() {
        hierarchies().forEach(CgroupFiles::removeTree);
    }

    @Override
    public void enter(String slot, long pid) throws IOException {
        for (Path hierarchy : hierarchies()) {
            CgroupFiles.write(hierarchy.resolve(slot).resolve("cgroup.procs"), Long.toString(pid));
        }
    }

    @Override
    public void limitMemory(String slot, long bytes) throws IOException {
        Path directory = memory.resolve(slot);
        Path memoryLimit = directory.resolve("memory.limit_in_bytes");
        Path withSwap = directory.resolve("memory.memsw.limit_in_bytes");
        if (!Files.exists(withSwap)) {
            CgroupFiles.write(memoryLimit, Long.toString(bytes));
            return;
        }
        // The kernel keeps memory+swap at or above memory: lower memory first, raise memory+swap first.
        try {
            CgroupFiles.write(memoryLimit, Long.toString(bytes));
            CgroupFiles.write(withSwap, Long.toString(bytes));
        } catch (IOException raising) {
            CgroupFiles.write(withSwap, Long.toString(bytes));
            CgroupFiles.write(memoryLimit, Long.toString(bytes));
        }
    }

    @Override
    public void limitProcesses(String slot, int count) throws IOException {
        CgroupFiles.write(pids.resolve(slot).resolve("pids.max"), Integer.toString(count));
    }

    @Override
    public void limitCpu(String slot, double cores) throws IOException {
        Path directory = cpu.resolve(slot);
        CgroupFiles.write(directory.resolve("cpu.cfs_period_us"), Integer.toString(CgroupFiles.cpuPeriodMicros()));
        CgroupFiles.write(directory.resolve("cpu.cfs_quota_us"), Long.toString(CgroupFiles.cpuQuotaMicros(cores)));
    }

    @Override
    public long oomKills(String slot) throws IOException {
        return CgroupFiles.counter(memory.resolve(slot).resolve("memory.oom_control"), "oom_kill");
    }

    @Override
    public boolean isEmpty(String slot) throws IOException {
        return CgroupFiles.hasNoTasks(pids.resolve(slot));
    }

    private List<Path> hierarchies() {
        return List.of(memory, pids, cpu);
    }
}
