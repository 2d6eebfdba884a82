package dev.pyroom.identity.control;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Calls to Keycloak that either answer 200 or end in a {@link KeycloakUnreachableException} saying why. */
final class KeycloakHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private KeycloakHttp() {}

    /** The body of a 200 answer to {@code request}; {@code what} names the call in the error. */
    static String send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new KeycloakUnreachableException("Keycloak answered " + response.statusCode() + " to " + what);
            }
            return response.body();
        } catch (IOException e) {
            throw new KeycloakUnreachableException("Keycloak did not answer " + what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakUnreachableException("interrupted while asking Keycloak for " + what);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }
}
