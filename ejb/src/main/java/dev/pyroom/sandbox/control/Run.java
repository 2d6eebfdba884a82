package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunResult;
import java.util.concurrent.CompletableFuture;

/** A program running in a sandbox. Input and stop requests after the end are ignored. */
public interface Run {

    /**
     * Writes text to the program's standard input.
     *
     * @throws SandboxException when the sandbox has taken no more input for a while: the input is refused
     */
    void sendInput(String text);

    /**
     * Ends the program's standard input once what was sent before has been written.
     *
     * @throws SandboxException when the sandbox has taken no more input for a while
     */
    void closeInput();

    /** Kills the program and everything it started. */
    void stop();

    /** Completes after the last output has reached the listener. */
    CompletableFuture<RunResult> result();
}
