package dev.pyroom.identity.boundary;

import jakarta.ejb.ApplicationException;

/** Keycloak's user directory could not be read: it is down, or Pyroom's directory client is not set up. */
@ApplicationException
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
