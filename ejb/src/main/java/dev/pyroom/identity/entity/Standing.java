package dev.pyroom.identity.entity;

import java.util.Optional;
import java.util.Set;

/**
 * What Keycloak says about a user now: whether the account exists and is enabled, whether it still has a session of
 * Pyroom's sign-in client, and which of Pyroom's roles it holds.
 */
public record Standing(boolean enabled, boolean hasSession, Set<String> roles) {

    public Standing {
        roles = Set.copyOf(roles);
    }

    /** A user Keycloak no longer has. */
    public static Standing gone() {
        return new Standing(false, false, Set.of());
    }

    /**
     * Why a Pyroom session signed in with {@code rolesAtSignIn} (Pyroom's roles only) may not go on, if it may not.
     */
    public Optional<String> refusal(Set<String> rolesAtSignIn) {
        if (!enabled) {
            return Optional.of("the account is disabled");
        }
        if (!hasSession) {
            return Optional.of("the sign-in was ended");
        }
        if (!roles.equals(rolesAtSignIn)) {
            return Optional.of("the roles changed");
        }
        return Optional.empty();
    }
}
