package dev.pyroom.identity.control;

import dev.pyroom.identity.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Reads users and their realm roles through Keycloak's admin client library ({@link KeycloakAdmin}). */
@ApplicationScoped
public class KeycloakDirectory {

    @Inject
    KeycloakAdmin keycloak;

    /** A Keycloak user with the Pyroom roles they hold, sorted. */
    public record Entry(
            String username, String firstName, String lastName, String email, boolean enabled, List<String> roles) {}

    /** A Keycloak account as a roster names it. */
    public record Account(String id, String username, String email, String name) {}

    /**
     * Users whose username, name or email contains {@code search} (all when blank), from {@code first}, at most
     * {@code max}.
     *
     * @throws KeycloakUnreachableException when Keycloak does not answer or refuses the directory client
     */
    public List<Entry> search(String search, int first, int max) {
        return asked(() -> users().search(search, first, max, true).stream()
                .map(user -> new Entry(
                        user.getUsername(),
                        orEmpty(user.getFirstName()),
                        orEmpty(user.getLastName()),
                        orEmpty(user.getEmail()),
                        Boolean.TRUE.equals(user.isEnabled()),
                        pyroomRoles(user.getId())))
                .toList());
    }

    /**
     * The account with exactly this username, or else this email; empty when Keycloak has none.
     *
     * @throws KeycloakUnreachableException when Keycloak does not answer or refuses the directory client
     */
    public Optional<Account> findExact(String usernameOrEmail) {
        return asked(() -> (usernameOrEmail.contains("@")
                        ? users().searchByEmail(usernameOrEmail, true)
                        : users().searchByUsername(usernameOrEmail, true))
                .stream().findFirst().map(KeycloakDirectory::account));
    }

    /** How many users {@link #search} would find in all. */
    public int count(String search) {
        return asked(() -> users().count(search));
    }

    private List<String> pyroomRoles(String userId) {
        return users().get(userId).roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName)
                .filter(Roles.ALL::contains)
                .sorted()
                .toList();
    }

    private UsersResource users() {
        return keycloak.realm().users();
    }

    private <T> T asked(Supplier<T> question) {
        return keycloak.ask(question);
    }

    private static Account account(UserRepresentation user) {
        String name = (orEmpty(user.getFirstName()) + " " + orEmpty(user.getLastName())).strip();
        return new Account(user.getId(), user.getUsername(), orEmpty(user.getEmail()), name);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
