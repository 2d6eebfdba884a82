package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The instructor console's start: the courses the instructor teaches, and a new course. */
@Named
@RequestScoped
public class InstructorCoursesPage {

    @Inject
    CourseAdministration administration;

    @Inject
    CurrentUser currentUser;

    private String name;
    private String term;
    private List<CourseView> courses;

    public String create() {
        try {
            CourseView course = administration.create(currentUser.id(), name, term);
            return "/instructor/course?faces-redirect=true&course=" + course.id();
        } catch (InvalidCourseException e) {
            PageReplies.refuse(e.getMessage());
            return null;
        }
    }

    public List<CourseView> getCourses() {
        if (courses == null) {
            courses = administration.teaching(currentUser.id());
        }
        return courses;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTerm() {
        return term;
    }

    public void setTerm(String term) {
        this.term = term;
    }
}
