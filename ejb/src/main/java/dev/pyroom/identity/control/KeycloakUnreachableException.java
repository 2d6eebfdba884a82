package dev.pyroom.identity.control;

/** Keycloak's admin API did not answer, or refused Pyroom's directory client. */
public class KeycloakUnreachableException extends RuntimeException {

    KeycloakUnreachableException(String message) {
        super(message);
    }
}
