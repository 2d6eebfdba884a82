package dev.pyroom.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the OpenID Connect provider (Keycloak's realm) is and how Pyroom introduces itself to it. */
@ApplicationScoped
@Named("identityProvider")
public class IdentityProviderSettings {

    @Inject
    @ConfigProperty(name = "pyroom.oidc.provider-uri")
    String providerUri;

    @Inject
    @ConfigProperty(name = "pyroom.oidc.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "pyroom.oidc.client-secret")
    String clientSecret;

    public String getProviderUri() {
        return providerUri;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String getDiscoveryUri() {
        return providerUri.replaceAll("/+$", "") + "/.well-known/openid-configuration";
    }
}
