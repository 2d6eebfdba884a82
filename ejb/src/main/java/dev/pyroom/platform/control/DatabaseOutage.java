package dev.pyroom.platform.control;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure that comes from the database being out of reach from every other failure. The database's absence
 * reaches callers wrapped many times over (an {@code EJBException} around a {@code PersistenceException} around
 * EclipseLink's {@code DatabaseException} around the pool's {@code SQLException}, {@code ResourceAllocationException}
 * and the driver's {@code PSQLException}), so the whole chain of causes is read.
 */
public final class DatabaseOutage {

    /** SQL states of PostgreSQL shutting down, crashing or still starting up. */
    private static final Set<String> SERVER_NOT_SERVING = Set.of("57P01", "57P02", "57P03");
    /** SQL state class 08: connection exceptions (refused, broken, timed out). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseOutage() {}

    /** Whether the database being unreachable, or the pool having no connection to give, caused this failure. */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = next(cause)) {
            if (cause instanceof ResourceException || isConnectionState(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(Throwable cause) {
        if (!(cause instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_NOT_SERVING.contains(state);
    }

    /** The cause, or for a SQL exception without one the next exception the driver chained to it. */
    private static Throwable next(Throwable cause) {
        if (cause.getCause() == null && cause instanceof SQLException sql) {
            return sql.getNextException();
        }
        return cause.getCause();
    }
}
