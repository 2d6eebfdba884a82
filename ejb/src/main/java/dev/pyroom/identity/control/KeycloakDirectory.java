package dev.pyroom.identity.control;

import dev.pyroom.identity.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads users and their realm roles from Keycloak's admin REST API, as the service account of Pyroom's directory
 * client. Plain HTTP rather than Keycloak's admin client library: that library brings RESTEasy, which takes over the
 * server's JAX-RS runtime (it broke the sign-out redirect).
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final Set<String> PYROOM_ROLES = Set.of(Roles.STUDENT, Roles.INSTRUCTOR, Roles.ADMIN);

    @Inject
    DirectorySettings settings;

    @Inject
    ServiceAccountToken token;

    /** A Keycloak user with the Pyroom roles they hold, sorted. */
    public record Entry(
            String username, String firstName, String lastName, String email, boolean enabled, List<String> roles) {}

    /**
     * Users whose username, name or email contains {@code search} (all when blank), from {@code first}, at most
     * {@code max}.
     *
     * @throws KeycloakUnreachableException when Keycloak does not answer or refuses the directory client
     */
    public List<Entry> search(String search, int first, int max) {
        JsonStructure users = get("/users?briefRepresentation=true&first=" + first + "&max=" + max + "&search="
                + KeycloakHttp.encode(search));
        return users.asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(user -> new Entry(
                        user.getString("username"),
                        user.getString("firstName", ""),
                        user.getString("lastName", ""),
                        user.getString("email", ""),
                        user.getBoolean("enabled", false),
                        pyroomRoles(user.getString("id"))))
                .toList();
    }

    /** A Keycloak account as a roster names it. */
    public record Account(String id, String username, String email, String name) {}

    /**
     * The account with exactly this username, or else this email; empty when Keycloak has none.
     *
     * @throws KeycloakUnreachableException when Keycloak does not answer or refuses the directory client
     */
    public Optional<Account> findExact(String usernameOrEmail) {
        String key = usernameOrEmail.contains("@") ? "email" : "username";
        return get("/users?briefRepresentation=true&exact=true&" + key + "=" + KeycloakHttp.encode(usernameOrEmail))
                .asJsonArray()
                .getValuesAs(JsonObject.class)
                .stream()
                .findFirst()
                .map(user -> new Account(
                        user.getString("id"),
                        user.getString("username"),
                        user.getString("email", ""),
                        (user.getString("firstName", "") + " " + user.getString("lastName", "")).strip()));
    }

    /** How many users {@link #search} would find in all. */
    public int count(String search) {
        try (JsonReader reader =
                Json.createReader(new StringReader(text("/users/count?search=" + KeycloakHttp.encode(search))))) {
            return ((JsonNumber) reader.readValue()).intValue();
        }
    }

    private List<String> pyroomRoles(String userId) {
        return get("/users/" + KeycloakHttp.encode(userId) + "/role-mappings/realm/composite").asJsonArray().stream()
                .map(role -> role.asJsonObject().getString("name"))
                .filter(PYROOM_ROLES::contains)
                .sorted()
                .toList();
    }

    private JsonStructure get(String path) {
        try (JsonReader reader = Json.createReader(new StringReader(text(path)))) {
            return reader.read();
        }
    }

    private String text(String path) {
        URI uri = URI.create(settings.serverUrl() + "/admin/realms/" + settings.realm() + path);
        return KeycloakHttp.send(
                HttpRequest.newBuilder(uri)
                        .timeout(KeycloakHttp.TIMEOUT)
                        .header("Authorization", "Bearer " + token.current())
                        .header("Accept", "application/json")
                        .build(),
                "the user list");
    }
}
