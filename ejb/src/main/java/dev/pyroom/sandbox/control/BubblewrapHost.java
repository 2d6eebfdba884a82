package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * What every bubblewrap sandbox of a kind on this host starts from: the runtime files (agent, seccomp filter,
 * synthetic {@code /etc}), the pool of cgroups, the fixed part of the command line, and the host user sandboxes run
 * as when the server runs as root.
 */
record BubblewrapHost(SandboxRuntime runtime, Cgroups cgroups, BubblewrapCommand command, OptionalInt runAsUid)
        implements AutoCloseable {

    /** @throws SandboxException when bubblewrap, the interpreter or the seccomp filter is not available */
    static BubblewrapHost prepare(BubblewrapSettings settings) {
        for (Path tool : List.of(settings.bwrap(), settings.python())) {
            if (!Files.isExecutable(tool)) {
                throw new SandboxException(tool + " is missing: install bubblewrap, python3 and python3-seccomp");
            }
        }
        SandboxRuntime runtime = null;
        try {
            runtime = SandboxRuntime.create(settings.runtimeParent(), settings.python());
            OptionalInt runAsUid = HostUser.isRoot() ? OptionalInt.of(settings.hostUid()) : OptionalInt.empty();
            BubblewrapCommand command = BubblewrapCommand.of(settings, runtime, runAsUid);
            Cgroups cgroups =
                    settings.cgroups() ? Cgroups.detect(MountTable.current(), settings.cgroupName()) : Cgroups.none();
            return new BubblewrapHost(runtime, cgroups, command, runAsUid);
        } catch (IOException | RuntimeException e) {
            if (runtime != null) {
                runtime.close();
            }
            throw e instanceof SandboxException known ? known : new SandboxException("cannot prepare sandboxes", e);
        }
    }

    @Override
    public void close() {
        cgroups.close();
        runtime.close();
    }
}
