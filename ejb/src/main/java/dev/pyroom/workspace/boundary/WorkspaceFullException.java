package dev.pyroom.workspace.boundary;

import jakarta.ejb.ApplicationException;

/** A change that would take a workspace past its limits; the message is meant for its owner. */
@ApplicationException(rollback = true)
public class WorkspaceFullException extends RuntimeException {

    public WorkspaceFullException(String message) {
        super(message);
    }
}
