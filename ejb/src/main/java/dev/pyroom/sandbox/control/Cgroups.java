package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The pool of cgroup slots a backend's sandboxes live in, or none when the host offers no usable cgroups. */
final class Cgroups implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Cgroups.class.getName());
    private static final long EMPTY_WAIT_MILLIS = 2000;
    private static final long EMPTY_POLL_MILLIS = 10;

    private final CgroupDriver driver;
    private final Deque<String> idle = new ArrayDeque<>();
    private final Set<String> created = new HashSet<>();
    private final AtomicInteger names = new AtomicInteger();

    private Cgroups(CgroupDriver driver) {
        this.driver = driver;
    }

    /** Uses cgroup v2 if it offers memory, pids and cpu, else v1, else nothing; says which in the log. */
    static Cgroups detect(MountTable mounts, String name) {
        Optional<CgroupDriver> driver = prepare(mounts, name);
        driver.ifPresentOrElse(
                found -> LOG.info(() -> "sandboxes are limited by " + found.describe()),
                () -> LOG.warning("no usable cgroup v2 or v1 (memory, pids, cpu) for sandboxes: falling back to"
                        + " rlimits only. Memory is then an address-space limit per process, processes are"
                        + " counted per sandbox user, and CPU is not shared out between sandboxes."));
        return new Cgroups(driver.orElse(null));
    }

    static Cgroups none() {
        LOG.warning("cgroups turned off for sandboxes by configuration: falling back to rlimits only");
        return new Cgroups(null);
    }

    String describe() {
        return driver == null ? "rlimits only" : driver.describe();
    }

    CgroupSlot acquire() throws IOException {
        if (driver == null) {
            return CgroupSlot.NONE;
        }
        String name;
        synchronized (this) {
            name = idle.poll();
        }
        if (name == null) {
            name = "slot-" + names.incrementAndGet();
            driver.createSlot(name);
            synchronized (this) {
                created.add(name);
            }
        }
        return new PooledSlot(name);
    }

    @Override
    public synchronized void close() {
        if (driver == null) {
            return;
        }
        created.forEach(driver::removeSlot);
        created.clear();
        idle.clear();
        driver.removeInstance();
    }

    private static Optional<CgroupDriver> prepare(MountTable mounts, String name) {
        Optional<Path> unified = mounts.cgroup2().filter(Cgroups::offersAllControllers);
        if (unified.isPresent()) {
            try {
                return Optional.of(CgroupV2.prepare(unified.get(), name));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cgroup v2 is present but not usable for sandboxes", e);
            }
        }
        Optional<Path> memory = mounts.cgroup1("memory");
        Optional<Path> pids = mounts.cgroup1("pids");
        Optional<Path> cpu = mounts.cgroup1("cpu");
        if (memory.isPresent() && pids.isPresent() && cpu.isPresent()) {
            try {
                return Optional.of(CgroupV1.prepare(memory.get(), pids.get(), cpu.get(), name));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cgroup v1 is present but not usable for sandboxes", e);
            }
        }
        return Optional.empty();
    }

    private static boolean offersAllControllers(Path mount) {
        try {
            Set<String> offered = Set.of(
                    Files.readString(mount.resolve("cgroup.controllers")).trim().split("\\s+"));
            return offered.containsAll(Set.of("memory", "pids", "cpu"));
        } catch (IOException e) {
            return false;
        }
    }

    private final class PooledSlot implements CgroupSlot {

        private final String name;
        private long memoryBytes = -1;
        private int processes = -1;
        private double cpuCores = -1;
        private boolean released;

        PooledSlot(String name) {
            this.name = name;
        }

        @Override
        public boolean limitsMemory() {
            return true;
        }

        @Override
        public void enter(long pid) throws IOException {
            driver.enter(name, pid);
        }

        @Override
        public void limitCpu(double cores) throws IOException {
            if (cores != cpuCores) {
                driver.limitCpu(name, cores);
                cpuCores = cores;
            }
        }

        @Override
        public void limitRun(long memoryBytes, int processes) throws IOException {
            if (memoryBytes != this.memoryBytes) {
                driver.limitMemory(name, memoryBytes);
                this.memoryBytes = memoryBytes;
            }
            if (processes != this.processes) {
                driver.limitProcesses(name, processes);
                this.processes = processes;
            }
        }

        @Override
        public long oomKills() {
            try {
                return driver.oomKills(name);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot read OOM kills of cgroup " + name, e);
                return 0;
            }
        }

        @Override
        public void release() {
            synchronized (Cgroups.this) {
                if (released || !created.contains(name)) {
                    return;
                }
                released = true;
            }
            if (awaitEmpty()) {
                synchronized (Cgroups.this) {
                    idle.push(name);
                }
            } else {
                LOG.warning(() -> "cgroup " + name + " still holds processes; it leaves the pool");
            }
        }

        // The launcher exits before the kernel has finished tearing down the sandbox's PID namespace.
        private boolean awaitEmpty() {
            long deadline = System.currentTimeMillis() + EMPTY_WAIT_MILLIS;
            try {
                while (!driver.isEmpty(name)) {
                    if (System.currentTimeMillis() > deadline) {
                        return false;
                    }
                    Thread.sleep(EMPTY_POLL_MILLIS);
                }
                return true;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot tell whether cgroup " + name + " is empty", e);
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
