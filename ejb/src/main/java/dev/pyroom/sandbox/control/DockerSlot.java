package dev.pyroom.sandbox.control;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;

/**
 * The cgroup of a sandbox container, which the engine owns: limits change through the engine's API, and only when a
 * run asks for other limits than the last. The agent reads the container's own OOM counter, so the slot needs none.
 */
final class DockerSlot implements CgroupSlot {

    private static final long CPU_PERIOD_MICROS = 100_000;

    private final DockerClient client;
    private final String container;
    private long memoryBytes;
    private int processes;

    /** @param memoryBytes the memory and @param processes the process limit the container was created with */
    DockerSlot(DockerClient client, String container, long memoryBytes, int processes) {
        this.client = client;
        this.container = container;
        this.memoryBytes = memoryBytes;
        this.processes = processes;
    }

    @Override
    public boolean limitsMemory() {
        return true;
    }

    @Override
    public boolean limitsProcessesAlone() {
        return true;
    }

    @Override
    public void enter(long pid) {
        // The engine starts the container's processes inside it.
    }

    @Override
    public void limitCpu(double cores) throws IOException {
        update(() -> client.updateContainerCmd(container)
                .withCpuPeriod(CPU_PERIOD_MICROS)
                .withCpuQuota(Math.round(cores * CPU_PERIOD_MICROS))
                .exec());
    }

    @Override
    public synchronized void limitRun(long memoryBytes, int processes) throws IOException {
        if (memoryBytes == this.memoryBytes && processes == this.processes) {
            return;
        }
        update(() -> client.updateContainerCmd(container)
                .withMemory(memoryBytes)
                .withMemorySwap(memoryBytes)
                .withPidsLimit((long) processes)
                .exec());
        this.memoryBytes = memoryBytes;
        this.processes = processes;
    }

    @Override
    public long oomKills() {
        return 0;
    }

    @Override
    public void release() {
        // The container, and its cgroup with it, removes itself when it ends.
    }

    private static void update(Runnable request) throws IOException {
        try {
            request.run();
        } catch (RuntimeException e) {
            throw new IOException("cannot change a sandbox container's limits: " + e.getMessage(), e);
        }
    }
}
