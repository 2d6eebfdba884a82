package dev.pyroom.classroom.entity;

import jakarta.ejb.ApplicationException;

/** Input a course or assignment cannot take; the message says why, for the person who typed it. */
@ApplicationException(rollback = true)
public class InvalidCourseException extends RuntimeException {

    public InvalidCourseException(String message) {
        super(message);
    }
}
