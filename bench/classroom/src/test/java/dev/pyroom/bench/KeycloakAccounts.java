package dev.pyroom.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The class's accounts, made through Keycloak's admin REST API as an administrator would (or a directory sync): each
 * with email, names and the student role, so the first sign-in goes straight in. Accounts that exist are kept.
 */
final class KeycloakAccounts {

    private static final int PARALLEL = 4;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String keycloak;
    private final String realm;
    private String adminUser;
    private String adminPassword;
    private String token;
    private long tokenTakenAt;

    KeycloakAccounts(String keycloak, String realm) {
        this.keycloak = keycloak.replaceAll("/+$", "");
        this.realm = realm;
    }

    /** Makes sure {@code count} students named prefix001… exist, with their user name as password. */
    void ensureStudents(String prefix, int count, String adminUser, String adminPassword) throws Exception {
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        JsonObject studentRole = read(get("/admin/realms/" + realm + "/roles/student")).asJsonObject();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> made = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String username = ClassroomSimulation.studentName(prefix, i);
                made.add(pool.submit(() -> {
                    ensureStudent(username, studentRole);
                    return null;
                }));
            }
            for (Future<?> each : made) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Deletes the accounts {@link #ensureStudents} made, so that the realm's user list is as it was. */
    void deleteStudents(String prefix, int count, String adminUser, String adminPassword) throws Exception {
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        for (int i = 1; i <= count; i++) {
            String username = ClassroomSimulation.studentName(prefix, i);
            for (JsonValue user : read(get("/admin/realms/" + realm + "/users?exact=true&username=" + username))
                    .asJsonArray()) {
                send(request("/admin/realms/" + realm + "/users/" + user.asJsonObject().getString("id"))
                        .DELETE()
                        .build());
            }
        }
    }

    private void ensureStudent(String username, JsonObject studentRole) throws Exception {
        if (!read(get("/admin/realms/" + realm + "/users?exact=true&username=" + username))
                .asJsonArray()
                .isEmpty()) {
            return;
        }
        JsonObject user = Json.createObjectBuilder()
                .add("username", username)
                .add("email", username + "@classroom.pyroom.example")
                .add("emailVerified", true)
                .add("firstName", "Student")
                .add("lastName", username)
                .add("enabled", true)
                .add("credentials", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder()
                                .add("type", "password")
                                .add("value", username)
                                .add("temporary", false)))
                .build();
        HttpResponse<String> created = send(request("/admin/realms/" + realm + "/users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user.toString()))
                .build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused user " + username + ": " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonArray roles = Json.createArrayBuilder().add(studentRole).build();
        HttpResponse<String> granted = send(request("/admin/realms/" + realm + "/users/" + id + "/role-mappings/realm")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(roles.toString()))
                .build());
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused the student role for " + username + ": " + granted.body());
        }
    }

    /** The admin token lives a minute: making a large class takes longer, so take a new one every 30 s. */
    private synchronized String token() throws Exception {
        if (token == null || System.nanoTime() - tokenTakenAt > 30_000_000_000L) {
            token = adminToken();
            tokenTakenAt = System.nanoTime();
        }
        return token;
    }

    private String adminToken() throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(adminUser) + "&password="
                + encode(adminPassword);
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak's admin sign-in failed: HTTP " + answer.statusCode());
        }
        return read(answer.body()).asJsonObject().getString("access_token");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> answer = send(request(path).GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak answered " + answer.statusCode() + " to " + path);
        }
        return answer.body();
    }

    private HttpRequest.Builder request(String path) throws Exception {
        return HttpRequest.newBuilder(URI.create(keycloak + path)).header("Authorization", "Bearer " + token());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonValue read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
