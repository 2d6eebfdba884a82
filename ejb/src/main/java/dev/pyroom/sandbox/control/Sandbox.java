package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunRequest;

/** One session's isolated place to run programs; one run at a time. */
public interface Sandbox extends AutoCloseable {

    /**
     * Starts the requested file as a fresh process. Output reaches the listener on a thread of the sandbox before the
     * run's result completes: each stream in its own order, stdout and stderr interleaved as the sandbox read them.
     *
     * @throws IllegalStateException when a run is still going or the sandbox has ended
     * @throws SandboxException when the sandbox could not be asked to run
     */
    Run start(RunRequest request, RunListener listener);

    boolean isAlive();

    /** Kills everything running in the sandbox; a run still going ends as stopped. */
    @Override
    void close();
}
