package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.classroom.entity.Member;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** One course as its instructor runs it: join code, roster, co-instructors, messages to the class. */
@Named
@ViewScoped
public class CoursePage implements Serializable {

    @Inject
    CourseAdministration administration;

    @Inject
    CurrentUser currentUser;

    private long courseId;
    private CourseView course;
    private List<Member> roster;
    private String newInstructor;
    private String message;

    /** 404 when the caller does not teach the course. */
    public void open() throws IOException {
        try {
            course = administration.get(currentUser.id(), courseId);
            roster = administration.roster(currentUser.id(), courseId);
        } catch (CourseNotFoundException e) {
            PageReplies.notFound();
        }
    }

    public void addInstructor() {
        try {
            administration.addInstructor(currentUser.id(), courseId, newInstructor);
            newInstructor = null;
            roster = administration.roster(currentUser.id(), courseId);
        } catch (InvalidCourseException e) {
            PageReplies.refuse(e.getMessage());
        }
    }

    /** Reads the roster again, after students were added elsewhere on the page. */
    public void refreshRoster() {
        roster = administration.roster(currentUser.id(), courseId);
    }

    public void removeStudent(Member student) {
        administration.removeStudent(currentUser.id(), courseId, student.userId());
        roster = administration.roster(currentUser.id(), courseId);
    }

    public void postMessage() {
        try {
            administration.postMessage(currentUser.id(), courseId, message);
            message = null;
            PageReplies.inform("Message posted to the class.");
        } catch (InvalidCourseException e) {
            PageReplies.refuse(e.getMessage());
        }
    }

    /** The link students open to join, on this server's address. */
    public String getJoinLink() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        String base = external.getRequestScheme() + "://" + external.getRequestServerName() + ":"
                + external.getRequestServerPort() + external.getRequestContextPath();
        return base + "/my/courses.xhtml?code=" + course.joinCode();
    }

    public long getCourseId() {
        return courseId;
    }

    public void setCourseId(long courseId) {
        this.courseId = courseId;
    }

    public CourseView getCourse() {
        return course;
    }

    public List<Member> getRoster() {
        return roster;
    }

    public String getNewInstructor() {
        return newInstructor;
    }

    public void setNewInstructor(String newInstructor) {
        this.newInstructor = newInstructor;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
