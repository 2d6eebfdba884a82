package dev.pyroom.lint.control;

import dev.pyroom.sandbox.control.BubblewrapSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.microprofile.config.Config;

/**
 * How lint workers are started, sized and recycled. Every value can be set through MicroProfile Config under
 * {@code pyroom.lint.*}; {@link #defaults()} holds the defaults.
 *
 * @param sandbox how worker processes are isolated
 * @param bwrap bubblewrap, used when {@code sandbox} is {@link Sandbox#BWRAP}
 * @param python the system interpreter with Debian's pylint and pyflakes; under {@code /usr} for bubblewrap, the only
 *     system tree a worker sees
 * @param addressSpaceBytes the most virtual memory a worker, or one of its students' checkers, may map
 * @param tmpBytes size of a sandboxed worker's private {@code /tmp}
 * @param workerMemoryBytes the memory a sandboxed worker and all its checkers may use together (its cgroup's limit)
 * @param fastMaxWaiting how many requests may wait for one fast worker; more are refused at once as busy, so that
 *     requests waiting for lint never take all of the node's request threads (sign-ins, pages and runs need them)
 * @param deepMaxWaiting the same for one deep worker
 * @param tenantsPerWorker how many students' checkers (forked children) a worker keeps at most; beyond it the least
 *     recently used one ends
 * @param tenantIdle a student's checker ends after this long without a request
 * @param maxSourceChars longer documents are refused without being sent to a worker
 * @param recycleAfterRequests a worker is replaced after answering this many requests (a safety net: a worker's own
 *     memory does not grow with its students' checks, and replacing it ends all their checkers)...
 * @param recycleAboveRssBytes ...or once its resident memory grows past this
 */
public record LintSettings(
        Sandbox sandbox,
        Path bwrap,
        Path python,
        int fastWorkers,
        int deepWorkers,
        Duration fastTimeout,
        Duration deepTimeout,
        Duration startTimeout,
        int fastMaxWaiting,
        int deepMaxWaiting,
        long addressSpaceBytes,
        long tmpBytes,
        long workerMemoryBytes,
        int tenantsPerWorker,
        Duration tenantIdle,
        int maxSourceChars,
        int recycleAfterRequests,
        long recycleAboveRssBytes) {

    /** How worker processes are isolated. */
    public enum Sandbox {
        /** Confined like a run's sandbox (see {@link ConfinedProcesses}), without a workspace. */
        BWRAP,
        /** As plain processes, with a cleared environment; for hosts without bubblewrap. */
        NONE
    }

    private static final long MIB = 1024L * 1024;

    public LintSettings {
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(bwrap, "bwrap");
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(fastTimeout, "fastTimeout");
        Objects.requireNonNull(deepTimeout, "deepTimeout");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(tenantIdle, "tenantIdle");
        if (sandbox == Sandbox.BWRAP && !python.startsWith("/usr/")) {
            throw new IllegalArgumentException("a sandboxed worker's python must live under /usr: " + python);
        }
        if (fastWorkers < 1 || deepWorkers < 1) {
            throw new IllegalArgumentException("each tier needs at least one worker");
        }
        if (fastMaxWaiting < 1 || deepMaxWaiting < 1) {
            throw new IllegalArgumentException("each worker must let at least one request wait");
        }
        if (maxSourceChars < 1 || recycleAfterRequests < 1 || tenantsPerWorker < 1 || tenantIdle.toSeconds() < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static LintSettings defaults() {
        return new LintSettings(
                Sandbox.BWRAP,
                Path.of("/usr/bin/bwrap"),
                Path.of("/usr/bin/python3"),
                2,
                2,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                8,
                4,
                1024 * MIB,
                16 * MIB,
                4096 * MIB,
                200,
                Duration.ofMinutes(2),
                200_000,
                50_000,
                200 * MIB);
    }

    /** How sandboxed workers are confined: as runs are, with cgroups of their own. */
    BubblewrapSettings confinement() {
        BubblewrapSettings runs = BubblewrapSettings.defaults();
        return new BubblewrapSettings(
                bwrap,
                python,
                runs.setpriv(),
                runs.runtimeParent(),
                runs.cgroups(),
                runs.cgroupName() + "-lint",
                runs.hostUid(),
                startTimeout);
    }

    /** The settings configured under {@code pyroom.lint.*}, each falling back to its default. */
    public static LintSettings from(Config config) {
        LintSettings d = defaults();
        return new LintSettings(
                Sandbox.valueOf(text(config, "sandbox", d.sandbox.name()).toUpperCase(Locale.ROOT)),
                Path.of(text(config, "bwrap", d.bwrap.toString())),
                Path.of(text(config, "python", d.python.toString())),
                number(config, "fast.workers", d.fastWorkers),
                number(config, "deep.workers", d.deepWorkers),
                Duration.ofMillis(number(config, "fast.timeout-ms", d.fastTimeout.toMillis())),
                Duration.ofMillis(number(config, "deep.timeout-ms", d.deepTimeout.toMillis())),
                Duration.ofMillis(number(config, "start-timeout-ms", d.startTimeout.toMillis())),
                number(config, "fast.max-waiting", d.fastMaxWaiting),
                number(config, "deep.max-waiting", d.deepMaxWaiting),
                number(config, "memory-limit-mib", d.addressSpaceBytes / MIB) * MIB,
                number(config, "tmp-size-mib", d.tmpBytes / MIB) * MIB,
                number(config, "worker-memory-mib", d.workerMemoryBytes / MIB) * MIB,
                number(config, "tenants-per-worker", d.tenantsPerWorker),
                Duration.ofSeconds(number(config, "tenant-idle-seconds", d.tenantIdle.toSeconds())),
                number(config, "max-source-chars", d.maxSourceChars),
                number(config, "recycle.requests", d.recycleAfterRequests),
                number(config, "recycle.rss-mib", d.recycleAboveRssBytes / MIB) * MIB);
    }

    private static String text(Config config, String key, String fallback) {
        return config.getOptionalValue("pyroom.lint." + key, String.class).orElse(fallback);
    }

    private static int number(Config config, String key, int fallback) {
        return config.getOptionalValue("pyroom.lint." + key, Integer.class).orElse(fallback);
    }

    private static long number(Config config, String key, long fallback) {
        return config.getOptionalValue("pyroom.lint." + key, Long.class).orElse(fallback);
    }
}
