package dev.pyroom.identity.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A person as Keycloak knows them, with the realm roles that matter to Pyroom, and when they last signed in to Pyroom
 * (empty: never).
 */
public record DirectoryUser(
        String username,
        String name,
        String email,
        boolean enabled,
        List<String> roles,
        Optional<OffsetDateTime> lastSignIn) {

    public DirectoryUser {
        roles = List.copyOf(roles);
    }

    /** The roles as one line for a table cell, e.g. "instructor, student". */
    public String rolesText() {
        return String.join(", ", roles);
    }
}
