package dev.pyroom.sandbox.entity;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a sandbox is built around.
 *
 * @param workspace host directory the sandbox sees as its only writable place; its path is visible inside the sandbox,
 *     so it should carry no names or secrets
 * @param cpuCores share of the machine's processors the sandbox may use at once
 * @param tmpBytes size of the sandbox's {@code /tmp}
 */
public record SandboxSpec(Path workspace, double cpuCores, long tmpBytes) {

    private static final long DEFAULT_TMP_BYTES = 64L * 1024 * 1024;

    public SandboxSpec {
        Objects.requireNonNull(workspace, "workspace");
        if (!(cpuCores > 0)) {
            throw new IllegalArgumentException("cpuCores must be positive: " + cpuCores);
        }
        if (tmpBytes <= 0) {
            throw new IllegalArgumentException("tmpBytes must be positive: " + tmpBytes);
        }
    }

    public static SandboxSpec of(Path workspace) {
        return new SandboxSpec(workspace, 1.0, DEFAULT_TMP_BYTES);
    }
}
