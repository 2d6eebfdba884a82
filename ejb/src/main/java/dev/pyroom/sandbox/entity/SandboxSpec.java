package dev.pyroom.sandbox.entity;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a sandbox is built around.
 *
 * @param workspace host directory holding the files the sandbox starts with; the sandbox gets a copy and never writes
 *     here. Its path is visible inside the sandbox, so it should carry no names or secrets
 * @param cpuCores share of the machine's processors the sandbox may use at once
 * @param tmpBytes size of the sandbox's {@code /tmp}
 * @param workspaceBytes size of the sandbox's {@code /workspace}; like {@code /tmp} it is memory the runs share
 */
public record SandboxSpec(Path workspace, double cpuCores, long tmpBytes, long workspaceBytes) {

    private static final long DEFAULT_TMP_BYTES = 64L * 1024 * 1024;
    private static final long DEFAULT_WORKSPACE_BYTES = 32L * 1024 * 1024;

    public SandboxSpec {
        Objects.requireNonNull(workspace, "workspace");
        if (!(cpuCores > 0)) {
            throw new IllegalArgumentException("cpuCores must be positive: " + cpuCores);
        }
        if (tmpBytes <= 0) {
            throw new IllegalArgumentException("tmpBytes must be positive: " + tmpBytes);
        }
        if (workspaceBytes <= 0) {
            throw new IllegalArgumentException("workspaceBytes must be positive: " + workspaceBytes);
        }
    }

    public static SandboxSpec of(Path workspace) {
        return new SandboxSpec(workspace, 1.0, DEFAULT_TMP_BYTES, DEFAULT_WORKSPACE_BYTES);
    }
}
