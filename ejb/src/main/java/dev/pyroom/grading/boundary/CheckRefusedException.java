package dev.pyroom.grading.boundary;

import jakarta.ejb.ApplicationException;

/** A check that may not run now; the message says why, for the student. */
@ApplicationException(rollback = true)
public class CheckRefusedException extends RuntimeException {

    /** Why: the workspace is being checked, this node has too many checks waiting, or the student used every check. */
    public enum Reason {
        ALREADY_CHECKING,
        BUSY,
        NO_ATTEMPTS_LEFT
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

    public static CheckRefusedException noAttemptsLeft(int maxAttempts) {
        return new CheckRefusedException(
                Reason.NO_ATTEMPTS_LEFT,
                "You have used all " + maxAttempts + " checks of this assignment. Your work is still saved.");
    }

    public Reason reason() {
        return reason;
    }
}
