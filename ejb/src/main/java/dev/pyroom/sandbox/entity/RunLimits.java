package dev.pyroom.sandbox.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * What one run may use. The memory, process and CPU figures cover the whole sandbox while the run lasts, so files a
 * previous run left in {@code /tmp} count against the memory of the next one.
 *
 * @param wallTime real time before the run is ended as timed out
 * @param cpuTime processor time of the main process; the kernel counts it in whole seconds, rounded up
 * @param memoryBytes memory of everything running in the sandbox
 * @param processes processes and threads the program may have at once
 * @param outputBytes stdout and stderr together; output beyond it is dropped and the run ended
 * @param fileSizeBytes largest file the program may write
 */
public record RunLimits(
        Duration wallTime, Duration cpuTime, long memoryBytes, int processes, long outputBytes, long fileSizeBytes) {

    private static final long MIB = 1024 * 1024;

    public static final RunLimits DEFAULTS =
            new RunLimits(Duration.ofSeconds(10), Duration.ofSeconds(5), 256 * MIB, 64, MIB, 10 * MIB);

    public RunLimits {
        requirePositive(Objects.requireNonNull(wallTime, "wallTime"), "wallTime");
        requirePositive(Objects.requireNonNull(cpuTime, "cpuTime"), "cpuTime");
        requirePositive(memoryBytes, "memoryBytes");
        requirePositive(processes, "processes");
        requirePositive(outputBytes, "outputBytes");
        requirePositive(fileSizeBytes, "fileSizeBytes");
    }

    /** The CPU time as the kernel enforces it. */
    public long cpuSeconds() {
        return (cpuTime.toMillis() + 999) / 1000;
    }

    public RunLimits withWallTime(Duration value) {
        return new RunLimits(value, cpuTime, memoryBytes, processes, outputBytes, fileSizeBytes);
    }

    public RunLimits withCpuTime(Duration value) {
        return new RunLimits(wallTime, value, memoryBytes, processes, outputBytes, fileSizeBytes);
    }

    public RunLimits withMemoryBytes(long value) {
        return new RunLimits(wallTime, cpuTime, value, processes, outputBytes, fileSizeBytes);
    }

    public RunLimits withProcesses(int value) {
        return new RunLimits(wallTime, cpuTime, memoryBytes, value, outputBytes, fileSizeBytes);
    }

    public RunLimits withOutputBytes(long value) {
        return new RunLimits(wallTime, cpuTime, memoryBytes, processes, value, fileSizeBytes);
    }

    public RunLimits withFileSizeBytes(long value) {
        return new RunLimits(wallTime, cpuTime, memoryBytes, processes, outputBytes, value);
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
