package dev.pyroom.identity.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Keycloak's admin client library, signed in as the service account of Pyroom's directory client, over the server's
 * own JAX-RS client ({@link JerseyClientProvider}). One client per application, shared by every question asked.
 */
@ApplicationScoped
public class KeycloakAdmin {

    @Inject
    DirectorySettings settings;

    private volatile Keycloak keycloak;

    /** The realm users sign in to. */
    public RealmResource realm() {
        return client().realm(settings.realm());
    }

    /**
     * Asks Keycloak.
     *
     * @throws KeycloakUnreachableException when Keycloak does not answer or refuses the directory client
     */
    public <T> T ask(Supplier<T> question) {
        try {
            return question.get();
        } catch (ProcessingException | WebApplicationException e) {
            throw new KeycloakUnreachableException("Keycloak did not answer the directory client: " + e.getMessage());
        }
    }

    private Keycloak client() {
        if (keycloak == null) {
            synchronized (this) {
                if (keycloak == null) {
                    keycloak = KeycloakBuilder.builder()
                            .serverUrl(settings.serverUrl())
                            .realm(settings.realm())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(settings.clientId())
                            .clientSecret(settings.clientSecret())
                            .build();
                }
            }
        }
        return keycloak;
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
