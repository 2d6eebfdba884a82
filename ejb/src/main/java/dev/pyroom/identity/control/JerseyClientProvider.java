package dev.pyroom.identity.control;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.proxy.WebResourceFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.keycloak.admin.client.spi.ResteasyClientProvider;

/**
 * Keycloak's admin client over the application server's own JAX-RS client (Jersey) instead of RESTEasy, which would
 * take over the server's JAX-RS runtime. Found by the admin client through {@code META-INF/services}.
 */
public class JerseyClientProvider implements ResteasyClientProvider {

    private static final long TIMEOUT_SECONDS = 5;

    @Override
    public Client newRestEasyClient(Object customJacksonProvider, SSLContext sslContext, boolean disableTrustManager) {
        ClientBuilder builder = ClientBuilder.newBuilder()
                .connectTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                // Keycloak's API takes a body with some DELETEs (removing role mappings), which Jersey refuses by
                // default.
                .property(ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true)
                .register(JacksonFeature.class);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    @Override
    public <R> R targetProxy(WebTarget target, Class<R> targetClass) {
        return WebResourceFactory.newResource(targetClass, target);
    }
}
