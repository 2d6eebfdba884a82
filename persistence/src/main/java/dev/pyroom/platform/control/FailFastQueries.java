package dev.pyroom.platform.control;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * A query that cannot reach the database fails at once. By default EclipseLink retries a read whose connection failed
 * three more times, pausing 5 s before the last two: with PostgreSQL stopped, every page and API call waited 10 s for
 * its error. The retries buy nothing here: the server's pool validates each connection it hands out and drops them
 * all once one is found dead, so a retry meets the same database as the first attempt.
 */
public class FailFastQueries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
