package dev.pyroom.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells whether the identity provider answers its discovery document. The answer is kept for a few seconds, so that
 * monitors and load balancers polling health do not each become a request to the provider.
 */
@ApplicationScoped
public class IdentityProviderProbe {

    private static final Logger LOG = Logger.getLogger(IdentityProviderProbe.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration KEEP_ANSWER = Duration.ofSeconds(5);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    IdentityProviderSettings settings;

    private volatile Answer last = new Answer(false, Instant.MIN);

    public boolean isUp() {
        Answer answer = last;
        if (answer.at().plus(KEEP_ANSWER).isAfter(Instant.now())) {
            return answer.up();
        }
        boolean up = ask();
        last = new Answer(up, Instant.now());
        return up;
    }

    private boolean ask() {
        var request = HttpRequest.newBuilder(URI.create(settings.getDiscoveryUri()))
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            LOG.log(Level.FINE, "identity provider unreachable", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Answer(boolean up, Instant at) {}
}
