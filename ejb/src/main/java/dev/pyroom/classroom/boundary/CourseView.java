package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.Course;

/** A course as pages show it. */
public record CourseView(long id, String name, String term, String joinCode) {

    static CourseView of(Course course) {
        return new CourseView(course.getId(), course.getName(), course.getTerm(), course.getJoinCode());
    }
}
