package dev.pyroom.bench;

/** The simulations' settings, given as system properties. */
final class Settings {

    private Settings() {}

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + property + " is required");
        }
        return value;
    }
}
