package dev.pyroom.sandbox.control;

import jakarta.ejb.ApplicationException;

/** A run that may not start now; the message says why, and is meant for the student. */
@ApplicationException(rollback = true)
public class RunRefusedException extends RuntimeException {

    /** Why: the workspace runs a program already, or its owner runs as many as they may. */
    public enum Reason {
        WORKSPACE_BUSY,
        TOO_MANY_RUNS
    }

    private final Reason reason;

    RunRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
