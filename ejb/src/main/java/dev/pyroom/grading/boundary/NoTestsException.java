package dev.pyroom.grading.boundary;

import jakarta.ejb.ApplicationException;

/** The workspace has nothing to check it against: it is no copy of an assignment, or the assignment has no tests. */
@ApplicationException(rollback = true)
public class NoTestsException extends RuntimeException {

    public NoTestsException() {
        super("This workspace has no tests to check it against.");
    }
}
