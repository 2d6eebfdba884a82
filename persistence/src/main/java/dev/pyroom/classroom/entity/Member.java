package dev.pyroom.classroom.entity;

import java.util.Objects;

/** A person in a course's roster. */
public record Member(long userId, String username, String displayName, CourseRole role) {

    public Member {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }
}
