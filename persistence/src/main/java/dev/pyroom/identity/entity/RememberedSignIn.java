package dev.pyroom.identity.entity;

import java.util.Objects;
import java.util.Set;

/** A remembered sign-in, resolved: who the user is and the roles the identity provider gave them at sign-in. */
public record RememberedSignIn(long userId, String subject, String username, String displayName, Set<String> groups) {

    public RememberedSignIn {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        groups = Set.copyOf(groups);
    }
}
