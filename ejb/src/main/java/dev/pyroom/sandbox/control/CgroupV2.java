package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** cgroup v2: one unified hierarchy; controllers must be handed down from parent to child explicitly. */
final class CgroupV2 implements CgroupDriver {

    static final String CONTROLLERS = "+memory +pids +cpu";

    private final Path instance;

    private CgroupV2(Path instance) {
        this.instance = instance;
    }

    /** Prepares this server's directory under {@code mount/name}, with the controllers enabled down to it. */
    static CgroupV2 prepare(Path mount, String name) throws IOException {
        Path parent = mount.resolve(name);
        enableControllers(mount);
        Files.createDirectories(parent);
        CgroupFiles.removeDeadInstances(parent);
        enableControllers(parent);
        Path instance = Files.createDirectories(CgroupFiles.instance(parent));
        enableControllers(instance);
        return new CgroupV2(instance);
    }

    @Override
    public String describe() {
        return "cgroup v2 (" + instance + ")";
    }

    @Override
    public void createSlot(String slot) throws IOException {
        Path directory = Files.createDirectories(instance.resolve(slot));
        Path swap = directory.resolve("memory.swap.max");
        if (Files.exists(swap)) {
            CgroupFiles.write(swap, "0");
        }
    }

    @Override
    public void removeSlot(String slot) {
        CgroupFiles.removeTree(instance.resolve(slot));
    }

    @Override
    public void removeInstance() {
        CgroupFiles.removeTree(instance);
    }

    @Override
    public void enter(String slot, long pid) throws IOException {
        CgroupFiles.write(instance.resolve(slot).resolve("cgroup.procs"), Long.toString(pid));
    }

    @Override
    public void limitMemory(String slot, long bytes) throws IOException {
        CgroupFiles.write(instance.resolve(slot).resolve("memory.max"), Long.toString(bytes));
    }

    @Override
    public void limitProcesses(String slot, int count) throws IOException {
        CgroupFiles.write(instance.resolve(slot).resolve("pids.max"), Integer.toString(count));
    }

    @Override
    public void limitCpu(String slot, double cores) throws IOException {
        CgroupFiles.write(
                instance.resolve(slot).resolve("cpu.max"),
                CgroupFiles.cpuQuotaMicros(cores) + " " + CgroupFiles.cpuPeriodMicros());
    }

    @Override
    public long oomKills(String slot) throws IOException {
        return CgroupFiles.counter(instance.resolve(slot).resolve("memory.events"), "oom_kill");
    }

    @Override
    public boolean isEmpty(String slot) throws IOException {
        return CgroupFiles.hasNoTasks(instance.resolve(slot));
    }

    private static void enableControllers(Path directory) throws IOException {
        CgroupFiles.write(directory.resolve("cgroup.subtree_control"), CONTROLLERS);
    }
}
