package dev.pyroom.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSockets signed-in users hold open on this node. After each check of where users stand, the sockets of users
 * Keycloak no longer vouches for are closed as a policy violation, which ends a running program or terminal with them.
 */
@ApplicationScoped
public class SignedInSockets {

    private static final Logger LOG = Logger.getLogger(SignedInSockets.class.getName());

    private final Set<Session> open = ConcurrentHashMap.newKeySet();

    @Inject
    AccountStandings standings;

    /** Keeps an eye on a socket just opened by a signed-in user. */
    public void opened(Session session) {
        if (session.getUserPrincipal() instanceof SignedInCaller) {
            open.add(session);
        }
    }

    /**
     * Why the user of a socket kept open between requests may not go on, if they may not: asked at each request, as
     * a new socket's handshake would. Their HTTP session has ended (signed out), or Keycloak no longer vouches for
     * them.
     */
    public Optional<String> refusal(Session session) {
        if (HandshakeSession.ended(session)) {
            return Optional.of("signed out");
        }
        if (session.getUserPrincipal() instanceof SignedInCaller caller) {
            return standings.refusal(caller);
        }
        return Optional.empty();
    }

    /** Closes a socket whose user may not go on, as a policy violation. */
    public void closeSignedOut(Session session, String reason) {
        close(session, reason);
    }

    /** Forgets a socket that closed. */
    public void closed(Session session) {
        open.remove(session);
    }

    void closeRefused(@Observes StandingsChecked checked) {
        for (Session session : open) {
            if (!session.isOpen()) {
                open.remove(session);
            } else if (session.getUserPrincipal() instanceof SignedInCaller caller) {
                standings.refusal(caller).ifPresent(reason -> close(session, reason));
            }
        }
    }

    private void close(Session session, String reason) {
        open.remove(session);
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "signed out: " + reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "The socket of a signed-out user was already gone", e);
        }
    }
}
