package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The host's hold on a sandbox whose PID 1 is the agent: the agent's stdin and stdout, and the sandbox's lifetime. The
 * sandbox waits for one line on stdin before the agent starts, so that the host can first finish setting it up.
 */
interface AgentProcess {

    InputStream stdout();

    OutputStream stdin();

    /** Finishes setting the sandbox up before it is let go, for example by putting it into its cgroup. */
    void admit() throws IOException;

    boolean isAlive();

    /** Waits for the sandbox to end once its agent has been told to, ending it by force if it does not. */
    void awaitExit();

    /** What the sandbox wrote to stderr before it ended, if anything. */
    String takeErrors();
}
