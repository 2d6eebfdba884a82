package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.boundary.MyGrades;
import dev.pyroom.grading.entity.StudentGrade;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** A student's courses and grades, and joining a course with its code (typed, or from the instructor's link). */
@Named
@RequestScoped
public class MyCoursesPage {

    @Inject
    Enrollment enrollment;

    @Inject
    MyGrades grades;

    @Inject
    CurrentUser currentUser;

    private String code;

    /** The join link carries the code: joining from it is the same as typing it. */
    public void openWithCode() {
        if (code != null && !code.isBlank()) {
            join();
        }
    }

    public void join() {
        try {
            CourseView course = enrollment.join(currentUser.id(), code);
            code = null;
            PageReplies.inform("You are in " + course.name() + " (" + course.term() + ").");
        } catch (InvalidCourseException e) {
            PageReplies.refuse(e.getMessage());
        }
    }

    public List<CourseView> getCourses() {
        return enrollment.studying(currentUser.id());
    }

    public List<StudentGrade> getGrades() {
        return grades.of(currentUser.id());
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
