package dev.pyroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.LocalUrl;
import dev.pyroom.PyroomWar;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pyroom with its identity provider unreachable (configured to a closed port) and, for a moment, its database
 * stopped: what users and load balancers see.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
// A server of its own (another configuration): after the classes that share the war as built (ReusedPayaraMicro).
@Order(Order.DEFAULT + 1)
class OutagesIT {

    private static final Duration DATABASE_RESTART_DEADLINE = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PyroomWar.withConfig("pyroom.oidc.provider-uri=http://localhost:1/realms/pyroom");
    }

    @Test
    void withoutTheIdentityProviderPublicPagesWorkAndSignInSaysWhyItCannot() throws Exception {
        HttpResponse<String> landing = get("");
        HttpResponse<String> signIn = get("my/workspaces.xhtml");

        assertEquals(200, landing.statusCode());
        assertTrue(landing.body().contains("Python, in the classroom."));
        assertEquals(503, signIn.statusCode());
        assertTrue(signIn.body().contains("Sign-in unavailable"), signIn.body());
    }

    @Test
    void healthIsDegradedWithoutTheIdentityProviderAndDownWithoutTheDatabase() throws Exception {
        HttpResponse<String> degraded = get("api/health");
        assertEquals(200, degraded.statusCode());
        assertTrue(degraded.body().contains("\"status\":\"DEGRADED\""), degraded.body());
        assertTrue(degraded.body().contains("\"identityProvider\":\"DOWN\""), degraded.body());

        TestDatabase.stop();
        try {
            HttpResponse<String> down = get("api/health");
            assertEquals(503, down.statusCode());
            assertTrue(down.body().contains("\"database\":\"DOWN\""), down.body());
            assertEquals(503, get("health/ready").statusCode());
        } finally {
            TestDatabase.start();
        }
        assertEquals(200, awaitStatus("api/health", 200).statusCode());
    }

    private HttpResponse<String> awaitStatus(String path, int status) throws Exception {
        Instant deadline = Instant.now().plus(DATABASE_RESTART_DEADLINE);
        HttpResponse<String> response = get(path);
        while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL_INTERVAL.toMillis());
            response = get(path);
        }
        return response;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create(LocalUrl.of(deployed) + path);
        return http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
