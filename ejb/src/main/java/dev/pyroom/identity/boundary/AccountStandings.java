package dev.pyroom.identity.boundary;

import dev.pyroom.identity.control.KeycloakStandings;
import dev.pyroom.identity.control.KeycloakUnreachableException;
import dev.pyroom.identity.entity.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether signed-in users may go on, as Keycloak says now: a user disabled there, whose Keycloak sessions ended, or
 * whose Pyroom roles changed since sign-in, is refused within two check periods ({@code pyroom.sign-in.check-seconds},
 * N). The users active on this node in the last 2N are asked about together every N ({@link SignInJobs}); a user
 * seen again after longer, or signed in from a remembered sign-in, is asked about alone on their first request. When
 * Keycloak cannot be reached, the last answer stands and users without one stay signed in: an outage of Keycloak
 * must not sign a class out.
 */
@ApplicationScoped
public class AccountStandings {

    private static final Logger LOG = Logger.getLogger(AccountStandings.class.getName());

    @Inject
    KeycloakStandings keycloak;

    @Inject
    @ConfigProperty(name = "pyroom.sign-in.check-seconds", defaultValue = "30")
    int checkSeconds;

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private volatile Instant lastCheck = Instant.EPOCH;
    private volatile Instant unreachableAt = Instant.EPOCH;

    private record Answer(Standing standing, Instant at) {}

    /** The user has just signed in through Keycloak, which thereby vouched for them and their roles. */
    public void signedIn(SignedInCaller caller) {
        Instant now = Instant.now();
        lastSeen.put(caller.subject(), now);
        answers.put(caller.subject(), new Answer(new Standing(true, true, caller.roles()), now));
    }

    /**
     * Why this caller may not go on, if they may not; empty while they may. Asks Keycloak only when no recent answer
     * is at hand.
     */
    public Optional<String> refusal(SignedInCaller caller) {
        Instant now = Instant.now();
        lastSeen.put(caller.subject(), now);
        Answer answer = answers.get(caller.subject());
        if (answer == null || answer.at().isBefore(now.minus(period().multipliedBy(2)))) {
            answer = askAbout(caller.subject(), now).orElse(answer);
        }
        return answer == null ? Optional.empty() : answer.standing().refusal(caller.roles());
    }

    /**
     * Asks Keycloak about every user active on this node, when a period has passed since the last check.
     *
     * @return whether it checked
     */
    public boolean checkIfDue() {
        Instant now = Instant.now();
        if (lastCheck.plus(period()).isAfter(now)) {
            return false;
        }
        lastCheck = now;
        Instant idleSince = now.minus(period().multipliedBy(2));
        lastSeen.entrySet().removeIf(seen -> seen.getValue().isBefore(idleSince));
        answers.keySet().retainAll(lastSeen.keySet());
        Set<String> active = Set.copyOf(lastSeen.keySet());
        if (!active.isEmpty()) {
            try {
                keycloak.standingsOf(active)
                        .forEach((subject, standing) -> answers.put(subject, new Answer(standing, now)));
            } catch (KeycloakUnreachableException e) {
                unreachable(e, now);
            }
        }
        return true;
    }

    /** Ends the user's Keycloak sessions; when Keycloak cannot be reached, says so in the log and goes on. */
    public void endKeycloakSessions(String subject) {
        try {
            keycloak.endSessions(subject);
        } catch (KeycloakUnreachableException e) {
            LOG.warning(() -> "Could not end the Keycloak sessions of a user signing out: " + e.getMessage());
        }
    }

    private Optional<Answer> askAbout(String subject, Instant now) {
        if (unreachableAt.plus(period()).isAfter(now)) {
            return Optional.empty();
        }
        try {
            Answer answer = new Answer(keycloak.standingOf(subject), now);
            answers.put(subject, answer);
            return Optional.of(answer);
        } catch (KeycloakUnreachableException e) {
            unreachable(e, now);
            return Optional.empty();
        }
    }

    private void unreachable(KeycloakUnreachableException e, Instant now) {
        unreachableAt = now;
        LOG.warning(
                () -> "Signed-in users stay signed in, unchecked, while Keycloak cannot be asked: " + e.getMessage());
    }

    private Duration period() {
        return Duration.ofSeconds(checkSeconds);
    }
}
