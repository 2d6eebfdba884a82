import dev.pyroom.sandbox.control.BubblewrapBackend;
import dev.pyroom.sandbox.control.BubblewrapSettings;
import dev.pyroom.sandbox.control.DockerBackend;
import dev.pyroom.sandbox.control.DockerSettings;
import dev.pyroom.sandbox.control.Sandbox;
import dev.pyroom.sandbox.control.SandboxBackend;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sandboxed runs of print(1) against a bare cold python3 -c 'print(1)', measured side by side in the same loop, plus
 * sandbox start time, real memory of an idle sandbox and throughput with parallel sessions. {@code -Dbench.backend=docker}
 * measures the Docker backend (engine at DOCKER_HOST, base image PYROOM_SANDBOX_BASE_IMAGE) instead of bubblewrap.
 */
public final class SandboxBench {

    private static final String PYTHON = "/usr/bin/python3";
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final int STARTS = Integer.getInteger("bench.starts", 30);
    private static final int IDLE_SANDBOXES = Integer.getInteger("bench.idle", 20);
    private static final int SESSIONS = Integer.getInteger("bench.sessions", 4);
    private static final long THROUGHPUT_MILLIS = Long.getLong("bench.throughputMillis", 5000);
    private static final boolean DOCKER = "docker".equals(System.getProperty("bench.backend"));

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("pyroom-bench-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (SandboxBackend backend = startBackend()) {
            double[] latency = latencyRatios(backend, root);
            double startMillis = startP50Millis(backend, root);
            long idleKib = idleSandboxKib(backend, root);
            double throughput = throughputRatio(backend, root);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT run_p50_ratio=%.2f run_p95_ratio=%.2f start_p50_ms=%.1f idle_sandbox_kib=%d"
                            + " runs_per_s_ratio=%.2f%n",
                    latency[0], latency[1], startMillis, idleKib, throughput);
        } finally {
            try (var files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static SandboxBackend startBackend() {
        if (DOCKER) {
            System.out.println("backend: Docker at " + System.getenv("DOCKER_HOST"));
            return DockerBackend.start(DockerSettings.of(
                    System.getenv().getOrDefault("DOCKER_HOST", DockerSettings.DEFAULT_HOST),
                    System.getenv().getOrDefault("PYROOM_SANDBOX_BASE_IMAGE", DockerSettings.DEFAULT_BASE_IMAGE),
                    "bench"));
        }
        BubblewrapBackend backend = BubblewrapBackend.start(BubblewrapSettings.defaults());
        System.out.println("backend: bubblewrap, limits: " + backend.limitsDescription());
        return backend;
    }

    private static double[] latencyRatios(SandboxBackend backend, Path root) throws Exception {
        try (Sandbox sandbox = backend.open(SandboxSpec.of(workspace(root, "latency")))) {
            List<Long> bare = new ArrayList<>();
            List<Long> sandboxed = new ArrayList<>();
            for (int i = 0; i < RUNS + 10; i++) {
                long bareNanos = bareRun();
                long sandboxedNanos = sandboxedRun(sandbox);
                if (i >= 10) {
                    bare.add(bareNanos);
                    sandboxed.add(sandboxedNanos);
                }
            }
            report("bare python3 -c 'print(1)'", bare);
            report("sandboxed run of print(1)", sandboxed);
            return new double[] {
                (double) percentile(sandboxed, 50) / percentile(bare, 50),
                (double) percentile(sandboxed, 95) / percentile(bare, 95)
            };
        }
    }

    private static double startP50Millis(SandboxBackend backend, Path root) throws IOException {
        List<Long> starts = new ArrayList<>();
        Path workspace = workspace(root, "starts");
        for (int i = 0; i < STARTS; i++) {
            long started = System.nanoTime();
            Sandbox sandbox = backend.open(SandboxSpec.of(workspace));
            starts.add(System.nanoTime() - started);
            sandbox.close();
        }
        report("sandbox start (open until ready)", starts);
        return percentile(starts, 50) / 1e6;
    }

    /**
     * Proportional set size of every process the sandboxes consist of, shared pages split fairly. Docker sandboxes are
     * the processes of the containers started meanwhile and the engine's shim process that holds each of them.
     */
    private static long idleSandboxKib(SandboxBackend backend, Path root) throws IOException {
        List<Sandbox> sandboxes = new ArrayList<>();
        Set<Long> before = allProcesses();
        try {
            for (int i = 0; i < IDLE_SANDBOXES; i++) {
                sandboxes.add(backend.open(SandboxSpec.of(workspace(root, "idle-" + i))));
            }
            Set<Long> sandboxProcesses = DOCKER
                    ? allProcesses().stream().filter(pid -> !before.contains(pid)).collect(Collectors.toSet())
                    : ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
            long pssKib = 0;
            for (long pid : sandboxProcesses) {
                pssKib += pssKib(pid);
            }
            long perSandbox = pssKib / IDLE_SANDBOXES;
            System.out.printf(Locale.ROOT, "idle sandbox: %d KiB PSS each, over %d sandboxes%n", perSandbox,
                    IDLE_SANDBOXES);
            return perSandbox;
        } finally {
            sandboxes.forEach(Sandbox::close);
        }
    }

    /** Every process on the host but this JVM's own threads' helpers; new ones are the sandboxes' when nothing else
     * starts meanwhile. */
    private static Set<Long> allProcesses() {
        return ProcessHandle.allProcesses()
                .map(ProcessHandle::pid)
                .filter(pid -> pid != ProcessHandle.current().pid())
                .collect(Collectors.toSet());
    }

    private static double throughputRatio(SandboxBackend backend, Path root) throws Exception {
        List<Sandbox> sandboxes = new ArrayList<>();
        try {
            for (int i = 0; i < SESSIONS; i++) {
                sandboxes.add(backend.open(SandboxSpec.of(workspace(root, "session-" + i))));
            }
            double bare = runsPerSecond(session -> bareRun());
            double sandboxed = runsPerSecond(session -> sandboxedRun(sandboxes.get(session)));
            System.out.printf(Locale.ROOT, "%d sessions: bare %.1f runs/s, sandboxed %.1f runs/s%n", SESSIONS, bare,
                    sandboxed);
            return sandboxed / bare;
        } finally {
            sandboxes.forEach(Sandbox::close);
        }
    }

    private interface SessionRun {
        long run(int session) throws Exception;
    }

    private static double runsPerSecond(SessionRun run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        AtomicLong runs = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(THROUGHPUT_MILLIS);
        List<Future<?>> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            int session = i;
            sessions.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    run.run(session);
                    runs.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> session : sessions) {
            session.get();
        }
        pool.shutdown();
        return runs.get() * 1000.0 / THROUGHPUT_MILLIS;
    }

    private static long bareRun() throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(PYTHON, "-c", "print(1)").start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0 || !new String(output).equals("1\n")) {
            throw new IllegalStateException("bare python3 failed");
        }
        return System.nanoTime() - started;
    }

    private static long sandboxedRun(Sandbox sandbox) throws Exception {
        StringBuilder output = new StringBuilder();
        long started = System.nanoTime();
        sandbox.start(RunRequest.of("main.py"), chunk -> output.append(chunk.text()))
                .result()
                .get(30, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - started;
        if (!output.toString().equals("1\n")) {
            throw new IllegalStateException("sandboxed run printed " + output);
        }
        return elapsed;
    }

    private static Path workspace(Path root, String name) throws IOException {
        Path workspace = Files.createDirectories(root.resolve(name));
        Files.writeString(workspace.resolve("main.py"), "print(1)\n");
        return workspace;
    }

    private static long pssKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup")).stream()
                    .filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private static void report(String what, List<Long> nanos) {
        System.out.printf(Locale.ROOT, "%s: p50 %.1f ms, p95 %.1f ms (%d samples)%n", what,
                percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, nanos.size());
    }
}
