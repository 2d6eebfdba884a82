package dev.pyroom.platform.control;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code Json.createObjectBuilder()} and its kin look it up through the service
 * loader on every call, which in the application server searches the application's libraries each time: the hot paths
 * (run messages, lint answers) build several objects per answer.
 */
public final class SharedJson {

    public static final JsonProvider JSON = JsonProvider.provider();

    private SharedJson() {}
}
