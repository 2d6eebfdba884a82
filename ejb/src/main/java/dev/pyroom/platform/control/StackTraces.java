package dev.pyroom.platform.control;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A throwable as Java prints it, causes included. */
final class StackTraces {

    private StackTraces() {}

    static String of(Throwable thrown) {
        StringWriter trace = new StringWriter();
        try (PrintWriter out = new PrintWriter(trace)) {
            thrown.printStackTrace(out);
        }
        return trace.toString().strip();
    }
}
