package dev.pyroom.identity.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On every node, for the users signed in on that node: asks Keycloak where they stand once every
 * {@code pyroom.sign-in.check-seconds}, then tells observers (the open WebSockets) to act on the answers. No lease:
 * each node checks only its own users.
 */
@Singleton
public class SignInJobs {

    private static final Logger LOG = Logger.getLogger(SignInJobs.class.getName());

    @Inject
    AccountStandings standings;

    @Inject
    Event<StandingsChecked> checked;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void checkStandings() {
        try {
            if (standings.checkIfDue()) {
                checked.fire(new StandingsChecked());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking signed-in users failed; it runs again in a moment", e);
        }
    }
}
