package dev.pyroom.classroom.boundary;

import jakarta.ejb.ApplicationException;

/** No such course for this caller: it does not exist, or they do not teach it (they never learn which). */
@ApplicationException(rollback = true)
public class CourseNotFoundException extends RuntimeException {

    public CourseNotFoundException(long courseId) {
        super("No course " + courseId);
    }
}
