package dev.pyroom.identity;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What a Keycloak administrator does to accounts, through Keycloak's admin client: short-lived accounts made for one
 * test (never the shared demo users), disabled, signed out everywhere, or stripped of a role. Deletes its accounts
 * when closed.
 */
final class KeycloakAccounts implements AutoCloseable {

    private final Keycloak keycloak = KeycloakBuilder.builder()
            .serverUrl(System.getenv().getOrDefault("PYROOM_TEST_KEYCLOAK_URL", "http://localhost:8180"))
            .realm("master")
            .clientId("admin-cli")
            .username("admin")
            .password(System.getenv().getOrDefault("PYROOM_KEYCLOAK_ADMIN_PASSWORD", "admin"))
            .build();
    private final List<String> created = new ArrayList<>();

    /** A person in the realm; their password is their username. */
    record Account(String id, String username) {

        String password() {
            return username;
        }
    }

    /** A new enabled account holding these realm roles. */
    Account create(String... roles) {
        String username = "revoked-" + UUID.randomUUID().toString().substring(0, 8);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username + "@pyroom.example");
        user.setEmailVerified(true);
        user.setFirstName("Rita");
        user.setLastName("Revoked");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(username);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response response = realm().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Keycloak did not create " + username + ": " + response.getStatus());
            }
        }
        String id = realm().users().searchByUsername(username, true).get(0).getId();
        created.add(id);
        realm().users()
                .get(id)
                .roles()
                .realmLevel()
                .add(Arrays.stream(roles)
                        .map(role -> realm().roles().get(role).toRepresentation())
                        .toList());
        return new Account(id, username);
    }

    void disable(Account account) {
        UserResource user = realm().users().get(account.id());
        UserRepresentation changed = user.toRepresentation();
        changed.setEnabled(false);
        user.update(changed);
    }

    /** "Sign out all sessions", as the admin console offers it. */
    void signOutEverywhere(Account account) {
        realm().users().get(account.id()).logout();
    }

    void removeRole(Account account, String role) {
        realm().users()
                .get(account.id())
                .roles()
                .realmLevel()
                .remove(List.of(realm().roles().get(role).toRepresentation()));
    }

    /** How many Keycloak sessions the account has. */
    int sessions(Account account) {
        return realm().users().get(account.id()).getUserSessions().size();
    }

    private RealmResource realm() {
        return keycloak.realm("pyroom");
    }

    @Override
    public void close() {
        created.forEach(id -> realm().users().delete(id).close());
        keycloak.close();
    }
}
