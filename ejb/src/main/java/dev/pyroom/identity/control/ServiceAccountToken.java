package dev.pyroom.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

/** The directory client's access token (client credentials grant), fetched again shortly before it expires. */
@ApplicationScoped
public class ServiceAccountToken {

    private static final Duration MARGIN = Duration.ofSeconds(30);

    @Inject
    DirectorySettings settings;

    private String token;
    private Instant renewAt = Instant.MIN;

    /** A token valid for a while yet. */
    public synchronized String current() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            JsonObject answer = request();
            token = answer.getString("access_token");
            renewAt = Instant.now().plusSeconds(answer.getInt("expires_in", 60)).minus(MARGIN);
        }
        return token;
    }

    private JsonObject request() {
        String form = "grant_type=client_credentials&client_id=" + KeycloakHttp.encode(settings.clientId())
                + "&client_secret=" + KeycloakHttp.encode(settings.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        settings.serverUrl() + "/realms/" + settings.realm() + "/protocol/openid-connect/token"))
                .timeout(KeycloakHttp.TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try (JsonReader reader =
                Json.createReader(new StringReader(KeycloakHttp.send(request, "the directory client's token")))) {
            return reader.readObject();
        }
    }
}
