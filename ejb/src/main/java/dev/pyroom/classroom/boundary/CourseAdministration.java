package dev.pyroom.classroom.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.control.CourseAccess;
import dev.pyroom.classroom.control.CourseMessages;
import dev.pyroom.classroom.control.Courses;
import dev.pyroom.classroom.entity.Course;
import dev.pyroom.classroom.entity.CourseMessage;
import dev.pyroom.classroom.entity.CourseRole;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.classroom.entity.Member;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.identity.entity.User;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Courses as their instructors run them. Every method acts for {@code callerId} on a course they teach (admins: any
 * course) and is audited; a course the caller does not teach is answered as if it did not exist.
 */
@Stateless
@RolesAllowed({"instructor", "admin"})
public class CourseAdministration {

    @Inject
    Courses courses;

    @Inject
    CourseAccess access;

    @Inject
    CourseMessages messages;

    @Inject
    UserRepository users;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    /**
     * Creates a course with a fresh join code; the caller becomes its instructor.
     *
     * @throws InvalidCourseException when the name or term is unusable
     */
    public CourseView create(long callerId, String name, String term) {
        User caller = users.get(callerId);
        Course course = new Course(name, term, OffsetDateTime.now());
        courses.add(course);
        courses.addMember(course.getId(), callerId, CourseRole.INSTRUCTOR);
        audit.record(caller, "course.create", course(course), course.getTerm());
        return CourseView.of(course);
    }

    /** The courses the caller teaches, newest first; for an admin, every course. */
    public List<CourseView> teaching(long callerId) {
        List<Course> found = isAdmin() ? courses.all() : courses.withMember(callerId, CourseRole.INSTRUCTOR);
        return found.stream().map(CourseView::of).toList();
    }

    /** @throws CourseNotFoundException when the caller does not teach it */
    public CourseView get(long callerId, long courseId) {
        return CourseView.of(access.teachable(callerId, isAdmin(), courseId));
    }

    /** Instructors, then students, by name. */
    public List<Member> roster(long callerId, long courseId) {
        access.teachable(callerId, isAdmin(), courseId);
        return courses.members(courseId);
    }

    /**
     * Makes a user who has signed in to Pyroom before a co-instructor of the course.
     *
     * @throws InvalidCourseException when nobody by that user name has signed in yet
     */
    public void addInstructor(long callerId, long courseId, String username) {
        Course course = access.teachable(callerId, isAdmin(), courseId);
        String name = username == null ? "" : username.strip();
        User instructor = users.findByUsername(name)
                .orElseThrow(() ->
                        new InvalidCourseException("Nobody called \"" + name + "\" has signed in to Pyroom yet."));
        courses.removeMember(courseId, instructor.getId(), CourseRole.STUDENT);
        courses.addMember(courseId, instructor.getId(), CourseRole.INSTRUCTOR);
        audit.record(users.get(callerId), "course.add-instructor", course(course), instructor.getUsername());
    }

    /** Takes a student out of the course; their workspaces stay theirs. */
    public void removeStudent(long callerId, long courseId, long studentId) {
        Course course = access.teachable(callerId, isAdmin(), courseId);
        if (courses.removeMember(courseId, studentId, CourseRole.STUDENT)) {
            audit.record(
                    users.get(callerId),
                    "course.remove-student",
                    course(course),
                    users.get(studentId).getUsername());
        }
    }

    /**
     * Posts a message every student of the course sees on their editor pages.
     *
     * @throws InvalidCourseException when the message is empty or too long
     */
    public void postMessage(long callerId, long courseId, String body) {
        Course course = access.teachable(callerId, isAdmin(), courseId);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > CourseMessage.MAX_LENGTH) {
            throw new InvalidCourseException(
                    "A message has between 1 and " + CourseMessage.MAX_LENGTH + " characters.");
        }
        User caller = users.get(callerId);
        messages.post(courseId, caller.getDisplayName(), text);
        audit.record(caller, "course.message", course(course), text);
    }

    private boolean isAdmin() {
        return context.isCallerInRole("admin");
    }

    static String course(Course course) {
        return "course " + course.getId() + " " + course.getName();
    }
}
