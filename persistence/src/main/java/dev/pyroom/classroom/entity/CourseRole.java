package dev.pyroom.classroom.entity;

/** What a member does in a course. */
public enum CourseRole {
    INSTRUCTOR,
    STUDENT
}
