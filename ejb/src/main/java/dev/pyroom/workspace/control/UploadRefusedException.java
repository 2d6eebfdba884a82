package dev.pyroom.workspace.control;

import jakarta.ejb.ApplicationException;

/** An upload Pyroom will not take, as a whole; the message names the file and is meant for the student. */
@ApplicationException(rollback = true)
public class UploadRefusedException extends RuntimeException {

    public UploadRefusedException(String message) {
        super(message);
    }
}
