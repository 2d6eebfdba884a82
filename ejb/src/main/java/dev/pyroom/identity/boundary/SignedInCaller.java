package dev.pyroom.identity.boundary;

import jakarta.security.enterprise.CallerPrincipal;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The principal of a signed-in request or WebSocket: the username, the identity provider's subject ({@code sub}) that
 * names the user for good, and the Pyroom roles the provider gave at sign-in.
 */
public class SignedInCaller extends CallerPrincipal {

    private final String subject;
    private final Set<String> roles;

    /** @param groups the roles of the sign-in; those Pyroom does not know are left out */
    public SignedInCaller(String username, String subject, Set<String> groups) {
        super(Objects.requireNonNull(username, "username"));
        this.subject = Objects.requireNonNull(subject, "subject");
        this.roles = groups.stream().filter(Roles.ALL::contains).collect(Collectors.toUnmodifiableSet());
    }

    public String subject() {
        return subject;
    }

    public Set<String> roles() {
        return roles;
    }
}
