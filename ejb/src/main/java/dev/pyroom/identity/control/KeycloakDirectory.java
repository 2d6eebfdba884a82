package dev.pyroom.identity.control;

import dev.pyroom.identity.boundary.Roles;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Reads users and their realm roles from Keycloak through its admin client, as Pyroom's directory client. */
@ApplicationScoped
public class KeycloakDirectory {

    private static final Set<String> PYROOM_ROLES = Set.of(Roles.STUDENT, Roles.INSTRUCTOR, Roles.ADMIN);

    @Inject
    DirectorySettings settings;

    private Keycloak keycloak;

    /** A Keycloak user with the Pyroom roles they hold, sorted. */
    public record Entry(UserRepresentation user, List<String> roles) {}

    /**
     * Users whose username, name or email contains {@code search} (all when blank), from {@code first}, at most
     * {@code max}.
     *
     * @throws KeycloakUnreachableException when Keycloak does not answer or refuses the directory client
     */
    public List<Entry> search(String search, int first, int max) {
        return call(() -> {
            UsersResource users = users();
            return users.search(search, first, max, true).stream()
                    .map(user -> new Entry(user, pyroomRoles(users, user)))
                    .toList();
        });
    }

    /** How many users {@link #search} would find in all. */
    public int count(String search) {
        return call(() -> users().count(search));
    }

    private List<String> pyroomRoles(UsersResource users, UserRepresentation user) {
        return users.get(user.getId()).roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName)
                .filter(PYROOM_ROLES::contains)
                .sorted()
                .toList();
    }

    private UsersResource users() {
        return client().realm(settings.realm()).users();
    }

    private synchronized Keycloak client() {
        if (keycloak == null) {
            keycloak = KeycloakBuilder.builder()
                    .serverUrl(settings.serverUrl())
                    .realm(settings.realm())
                    .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    // RESTEasy named explicitly: the server's own JAX-RS client is another implementation.
                    .resteasyClient(new ResteasyClientBuilderImpl()
                            .connectTimeout(3, TimeUnit.SECONDS)
                            .readTimeout(10, TimeUnit.SECONDS)
                            .build())
                    .build();
        }
        return keycloak;
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ProcessingException | WebApplicationException e) {
            throw new KeycloakUnreachableException(e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
