package dev.pyroom.sandbox.entity;

import java.util.Objects;

/** A piece of a program's output, as it came. */
public record OutputChunk(StandardStream stream, String text) {

    public OutputChunk {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
    }
}
