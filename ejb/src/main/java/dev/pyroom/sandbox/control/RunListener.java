package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.OutputChunk;

/** Receives a run's output as it comes. Called on the sandbox's own thread: a slow listener slows the program. */
@FunctionalInterface
public interface RunListener {

    void onOutput(OutputChunk chunk);
}
