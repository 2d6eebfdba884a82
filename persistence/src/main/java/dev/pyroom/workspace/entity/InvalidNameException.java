package dev.pyroom.workspace.entity;

import jakarta.ejb.ApplicationException;

/** A name a user typed that Pyroom cannot accept; the message is meant for that user. */
@ApplicationException(rollback = true)
public class InvalidNameException extends RuntimeException {

    public InvalidNameException(String message) {
        super(message);
    }
}
