package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.SandboxSpec;
import java.util.Set;

/** A way of isolating student programs: bubblewrap today, containers tomorrow. */
public interface SandboxBackend extends AutoCloseable {

    /**
     * Starts a long-lived sandbox around a workspace, ready to run files.
     *
     * @throws SandboxException when the sandbox cannot be started
     */
    Sandbox open(SandboxSpec spec);

    /**
     * Removes what sandboxes of stopped nodes left behind in this backend, beyond their host folders (which the reaper
     * deletes). Bubblewrap sandboxes end with their node, so there is nothing left of them.
     *
     * @param liveNodes the ids of the nodes still alive
     */
    default void removeLeftovers(Set<String> liveNodes) {}

    /** Ends every sandbox this backend opened and frees what it holds on the host. */
    @Override
    void close();
}
