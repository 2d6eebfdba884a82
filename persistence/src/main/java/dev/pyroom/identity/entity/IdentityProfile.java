package dev.pyroom.identity.entity;

import java.util.Objects;

/** Who the identity provider says a user is, as read from the sign-in token. */
public record IdentityProfile(String subject, String username, String email, String displayName) {

    public IdentityProfile {
        requireText(subject, "subject");
        requireText(username, "username");
        email = email == null || email.isBlank() ? null : email.strip();
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
