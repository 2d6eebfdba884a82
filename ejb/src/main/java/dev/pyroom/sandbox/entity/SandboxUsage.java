package dev.pyroom.sandbox.entity;

/**
 * What a sandbox's processes use of the host.
 *
 * @param cpuMillis CPU time used since the sandbox started, by processes alive or ended
 * @param memoryBytes resident memory of the processes alive now
 */
public record SandboxUsage(long cpuMillis, long memoryBytes) {

    public SandboxUsage {
        if (cpuMillis < 0 || memoryBytes < 0) {
            throw new IllegalArgumentException("usage cannot be negative");
        }
    }
}
