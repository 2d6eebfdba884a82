package dev.pyroom.lint.control;

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
 * @param addressSpaceBytes the most virtual memory a worker may map; beyond it the worker fails cleanly and is replaced
 * @param tmpBytes size of a sandboxed worker's private {@code /tmp}, where it writes the file it checks
 * @param maxSourceChars longer documents are refused without being sent to a worker
 * @param recycleAfterRequests a worker is replaced after answering this many requests...
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
        long addressSpaceBytes,
        long tmpBytes,
        int maxSourceChars,
        int recycleAfterRequests,
        long recycleAboveRssBytes) {

    /** How worker processes are isolated. */
    public enum Sandbox {
        /** In bubblewrap: read-only system, no network, no workspace, a small private /tmp. */
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
        if (sandbox == Sandbox.BWRAP && !python.startsWith("/usr/")) {
            throw new IllegalArgumentException("a sandboxed worker's python must live under /usr: " + python);
        }
        if (fastWorkers < 1 || deepWorkers < 1) {
            throw new IllegalArgumentException("each tier needs at least one worker");
        }
        if (maxSourceChars < 1 || recycleAfterRequests < 1) {
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
                1024 * MIB,
                16 * MIB,
                200_000,
                500,
                200 * MIB);
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
                number(config, "memory-limit-mib", d.addressSpaceBytes / MIB) * MIB,
                number(config, "tmp-size-mib", d.tmpBytes / MIB) * MIB,
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
