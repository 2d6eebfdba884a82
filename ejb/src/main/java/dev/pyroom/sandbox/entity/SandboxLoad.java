package dev.pyroom.sandbox.entity;

/**
 * How hard a sandbox works the host now.
 *
 * @param cpuPercent CPU in percent of one core over the last few seconds (above 100 with several cores busy)
 * @param memoryBytes resident memory of its processes
 */
public record SandboxLoad(int cpuPercent, long memoryBytes) {}
