package dev.pyroom.sandbox.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the bubblewrap backend finds its tools and where it keeps its state.
 *
 * @param python interpreter inside the sandbox, also used on the host to build the seccomp filter; must live under
 *     {@code /usr}, the only system tree the sandbox sees
 * @param setpriv used only when the server runs as root, to start sandboxes as {@code hostUid} instead
 * @param runtimeParent directory under which the backend keeps the files it binds into sandboxes
 * @param cgroups whether to limit sandboxes with cgroups when the host offers them
 * @param cgroupName directory the backend uses in each cgroup hierarchy
 * @param hostUid unprivileged host user (and group) sandboxes run as when the server runs as root
 */
public record BubblewrapSettings(
        Path bwrap,
        Path python,
        Path setpriv,
        Path runtimeParent,
        boolean cgroups,
        String cgroupName,
        int hostUid,
        Duration startTimeout) {

    private static final int NOBODY = 65534;

    public BubblewrapSettings {
        Objects.requireNonNull(bwrap, "bwrap");
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(setpriv, "setpriv");
        Objects.requireNonNull(runtimeParent, "runtimeParent");
        Objects.requireNonNull(cgroupName, "cgroupName");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (!python.startsWith("/usr/")) {
            throw new IllegalArgumentException("the sandbox's python must live under /usr: " + python);
        }
        if (cgroupName.isBlank() || cgroupName.contains("/")) {
            throw new IllegalArgumentException("cgroupName must be a single directory name: " + cgroupName);
        }
        if (hostUid <= 0) {
            throw new IllegalArgumentException("hostUid must be an unprivileged user: " + hostUid);
        }
    }

    public static BubblewrapSettings defaults() {
        return new BubblewrapSettings(
                Path.of("/usr/bin/bwrap"),
                Path.of("/usr/bin/python3"),
                Path.of("/usr/bin/setpriv"),
                Path.of(System.getProperty("java.io.tmpdir")),
                true,
                "pyroom",
                NOBODY,
                Duration.ofSeconds(10));
    }

    public BubblewrapSettings withCgroups(boolean value) {
        return new BubblewrapSettings(bwrap, python, setpriv, runtimeParent, value, cgroupName, hostUid, startTimeout);
    }
}
