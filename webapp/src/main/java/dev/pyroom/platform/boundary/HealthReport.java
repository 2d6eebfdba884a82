package dev.pyroom.platform.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import jakarta.json.JsonObject;

record HealthReport(boolean databaseUp, boolean identityProviderUp) {

    static HealthReport of(boolean databaseUp, boolean identityProviderUp) {
        return new HealthReport(databaseUp, identityProviderUp);
    }

    String status() {
        if (!databaseUp) {
            return "DOWN";
        }
        return identityProviderUp ? "UP" : "DEGRADED";
    }

    JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("status", status())
                .add(
                        "checks",
                        JSON.createObjectBuilder()
                                .add("database", upOrDown(databaseUp))
                                .add("identityProvider", upOrDown(identityProviderUp)))
                .build();
    }

    private static String upOrDown(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
