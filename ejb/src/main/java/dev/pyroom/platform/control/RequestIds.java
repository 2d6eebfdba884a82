package dev.pyroom.platform.control;

import java.util.Optional;

/**
 * The id of the request the current thread is serving, for the log formatters: java.util.logging has no context of
 * its own to carry it. Whoever starts serving a request (the request filter, a WebSocket message) enters its id
 * and closes the scope when done, which puts back what the thread carried before.
 */
public final class RequestIds {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {}

    /** The request this thread serves now, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Marks this thread as serving the request {@code id} (none when null) until the scope closes. */
    public static Scope enter(String id) {
        String outer = CURRENT.get();
        CURRENT.set(id);
        return () -> {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        };
    }

    /** A request being served; closing it ends that on this thread. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
