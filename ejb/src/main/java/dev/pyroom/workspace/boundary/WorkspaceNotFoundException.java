package dev.pyroom.workspace.boundary;

import jakarta.ejb.ApplicationException;

/** No such workspace for this user: it never existed, was deleted, or belongs to somebody else. */
@ApplicationException(rollback = true)
public class WorkspaceNotFoundException extends RuntimeException {

    public WorkspaceNotFoundException(long workspaceId) {
        super("No workspace " + workspaceId + " for this user.");
    }
}
