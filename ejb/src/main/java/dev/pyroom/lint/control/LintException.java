package dev.pyroom.lint.control;

import java.util.Objects;

/** A tier could not check a document; the message says why in words an operator understands. */
public class LintException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a document was not checked. */
    public enum Reason {
        /** The document is longer than the configured limit and was not sent to a worker. */
        TOO_LARGE,
        /** Every worker of the tier stayed busy, or none could be started, for the whole timeout. */
        BUSY,
        /** A newer version of the same document arrived while this one waited: only the newer one is checked. */
        SUPERSEDED,
        /** The check did not end in time; the student's checker was ended, or the worker killed and replaced. */
        TIMED_OUT,
        /** The document could not be checked within lint's limits (memory, nesting); the worker is fine. */
        UNCHECKABLE,
        /** The worker died or failed while checking; it is being replaced. */
        WORKER_FAILED
    }

    private final Reason reason;

    public LintException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
