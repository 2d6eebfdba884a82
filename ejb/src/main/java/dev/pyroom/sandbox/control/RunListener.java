package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.Figure;
import dev.pyroom.sandbox.entity.OutputChunk;

/** Receives a run's output as it comes. Called on the sandbox's own thread: a slow listener slows the program. */
@FunctionalInterface
public interface RunListener {

    void onOutput(OutputChunk chunk);

    /** A figure the program showed, between the output before and after it; ignored unless a listener shows images. */
    default void onFigure(Figure figure) {}
}
