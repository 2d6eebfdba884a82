package dev.pyroom.history.boundary;

import jakarta.ejb.ApplicationException;

/** The workspace has no such version: it never had, or it was dropped as one of the file's oldest. */
@ApplicationException(rollback = true)
public class VersionNotFoundException extends RuntimeException {

    public VersionNotFoundException() {
        super("This version of the file is no longer kept.");
    }
}
