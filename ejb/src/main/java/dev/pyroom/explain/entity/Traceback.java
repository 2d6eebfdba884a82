package dev.pyroom.explain.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * The exception a Python program ended with, as its traceback tells it.
 *
 * @param exception the exception's class name without its module ({@code NameError})
 * @param message what follows the class name on the traceback's last line; empty when nothing does
 * @param frame where the traceback points in the student's own files, or null when it points only elsewhere
 */
public record Traceback(String exception, String message, StudentFrame frame) {

    public Traceback {
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(message, "message");
    }

    public Optional<StudentFrame> studentFrame() {
        return Optional.ofNullable(frame);
    }
}
