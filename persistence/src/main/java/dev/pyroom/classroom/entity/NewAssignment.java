package dev.pyroom.classroom.entity;

import java.time.OffsetDateTime;

/** What an instructor typed to publish an assignment; the due date is optional. */
public record NewAssignment(String title, OffsetDateTime dueAt) {

    public NewAssignment {
        title = title == null ? "" : title.strip();
        if (title.isEmpty()) {
            throw new InvalidCourseException("An assignment needs a title.");
        }
        if (title.length() > 60) {
            throw new InvalidCourseException("An assignment title has at most 60 characters.");
        }
    }
}
