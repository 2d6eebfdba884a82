package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.SandboxSpec;

/** A way of isolating student programs: bubblewrap today, containers tomorrow. */
public interface SandboxBackend extends AutoCloseable {

    /**
     * Starts a long-lived sandbox around a workspace, ready to run files.
     *
     * @throws SandboxException when the sandbox cannot be started
     */
    Sandbox open(SandboxSpec spec);

    /** Ends every sandbox this backend opened and frees what it holds on the host. */
    @Override
    void close();
}
