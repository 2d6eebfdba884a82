package dev.pyroom.classroom.entity;

import java.time.OffsetDateTime;
import java.util.Objects;

/** A message an instructor posted to a whole course. */
public record CourseMessage(long id, String courseName, String author, String body, OffsetDateTime postedAt) {

    public static final int MAX_LENGTH = 500;

    public CourseMessage {
        Objects.requireNonNull(courseName, "courseName");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(postedAt, "postedAt");
    }
}
