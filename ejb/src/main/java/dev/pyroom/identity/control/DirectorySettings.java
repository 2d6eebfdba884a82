package dev.pyroom.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How Pyroom reads Keycloak's user directory: the realm is the one users sign in to, read through a client of its own
 * whose service account may only view and query users.
 */
@ApplicationScoped
public class DirectorySettings {

    private static final String REALMS = "/realms/";

    @Inject
    IdentityProviderSettings identityProvider;

    @Inject
    @ConfigProperty(name = "pyroom.directory.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "pyroom.directory.client-secret")
    String clientSecret;

    /** Keycloak's base URL: the provider URI up to {@code /realms/}. */
    public String serverUrl() {
        return providerUri().substring(0, realmsIndex());
    }

    public String realm() {
        return providerUri().substring(realmsIndex() + REALMS.length()).replaceAll("/+$", "");
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    private String providerUri() {
        return identityProvider.getProviderUri();
    }

    private int realmsIndex() {
        int index = providerUri().lastIndexOf(REALMS);
        if (index < 0) {
            throw new IllegalStateException("pyroom.oidc.provider-uri is not a Keycloak realm URL: " + providerUri());
        }
        return index;
    }
}
