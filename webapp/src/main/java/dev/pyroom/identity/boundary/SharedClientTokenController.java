package dev.pyroom.identity.boundary;

import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.soteria.mechanisms.openid.controller.TokenController;
import org.glassfish.soteria.mechanisms.openid.domain.OpenIdConfiguration;

/**
 * The code exchange at sign-in through one HTTP client for the whole node. The server's own token controller builds a
 * new client for every exchange and never closes it: building one cost about a tenth of the node's processor time
 * while a class of 300 signed in. The request is the same as the server's; the client is thread-safe.
 * {@link TokenClientSharing} puts this controller in the server's place. Token refreshes stay the server's: Pyroom's
 * signed-in sessions do not ask the mechanism again, so they never refresh (none did with a 60 s token lifespan).
 */
class SharedClientTokenController extends TokenController {

    private final Instance<OpenIdConfiguration> configurations;
    private final Client client = ClientBuilder.newClient();

    SharedClientTokenController(Instance<OpenIdConfiguration> configurations) {
        this.configurations = configurations;
    }

    @Override
    public Response getTokens(HttpServletRequest request) {
        OpenIdConfiguration configuration = configurations.get();
        Form form = new Form()
                .param("client_id", configuration.getClientId())
                .param("client_secret", new String(configuration.getClientSecret()))
                .param("grant_type", "authorization_code")
                .param("code", request.getParameter("code"))
                .param("redirect_uri", configuration.buildRedirectURI(request));
        return client.target(configuration.getProviderMetadata().getTokenEndpoint())
                .request()
                .accept(MediaType.APPLICATION_JSON)
                .post(Entity.form(form));
    }

    void close() {
        client.close();
    }
}
