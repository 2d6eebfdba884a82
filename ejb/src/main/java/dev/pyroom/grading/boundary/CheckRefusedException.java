package dev.pyroom.grading.boundary;

import jakarta.ejb.ApplicationException;

/** A check that may not run now; the message says why, for the student. */
@ApplicationException(rollback = true)
public class CheckRefusedException extends RuntimeException {

    /** Why: the workspace is being checked, or this node has too many checks waiting. */
    public enum Reason {
        ALREADY_CHECKING,
        BUSY
    }

    private final Reason reason;

    private CheckRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public static CheckRefusedException alreadyChecking() {
        return new CheckRefusedException(
                Reason.ALREADY_CHECKING, "Your files are being checked already: the result comes in a moment.");
    }

    public static CheckRefusedException busy() {
        return new CheckRefusedException(Reason.BUSY, "Many checks are running right now: try again in a few seconds.");
    }

    public Reason reason() {
        return reason;
    }
}
