package dev.pyroom.identity.boundary;

import dev.pyroom.identity.control.KeycloakDirectory;
import dev.pyroom.identity.control.KeycloakUnreachableException;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.identity.entity.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The admin's view of who may use Pyroom: users and roles as Keycloak holds them. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class UserDirectory {

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    UserRepository pyroomUsers;

    /**
     * One page of the users whose username, name or email contains {@code search} (all when blank).
     *
     * @throws DirectoryUnavailableException when Keycloak cannot be read
     */
    public DirectoryPage search(String search, int first, int max) {
        String query = search == null ? "" : search.strip();
        try {
            return new DirectoryPage(
                    keycloak.search(query, first, max).stream()
                            .map(this::describe)
                            .toList(),
                    keycloak.count(query));
        } catch (KeycloakUnreachableException e) {
            throw new DirectoryUnavailableException(
                    "Keycloak's user directory cannot be read right now: " + e.getMessage(), e);
        }
    }

    private DirectoryUser describe(KeycloakDirectory.Entry user) {
        return new DirectoryUser(
                user.username(),
                (user.firstName() + " " + user.lastName()).strip(),
                user.email(),
                user.enabled(),
                user.roles(),
                pyroomUsers.findByUsername(user.username()).map(User::getLastLoginAt));
    }
}
