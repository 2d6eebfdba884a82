package dev.pyroom.identity.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Counts the HTTP sessions on this node that belong to a signed-in user, for {@code /metrics}: a session counts from
 * sign-in until it ends (sign-out or expiry). Prometheus adds the nodes up.
 */
@WebListener
public class SignedInSessions implements ServletContextListener, HttpSessionAttributeListener {

    private static final String MARK = SignedInSessions.class.getName();
    private static final AtomicLong COUNT = new AtomicLong();

    @Inject
    MetricRegistry registry;

    /** Marks the session as a signed-in user's. */
    static void signedIn(HttpSession session) {
        session.setAttribute(MARK, Boolean.TRUE);
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        registry.gauge(
                Metadata.builder()
                        .withName("pyroom.sessions.signed-in")
                        .withDescription("HTTP sessions of signed-in users on this node")
                        .build(),
                COUNT,
                AtomicLong::get);
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        if (MARK.equals(event.getName())) {
            COUNT.incrementAndGet();
        }
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        if (MARK.equals(event.getName())) {
            COUNT.decrementAndGet();
        }
    }
}
