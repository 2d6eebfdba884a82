package dev.pyroom.classroom.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.control.AssignmentHandOut;
import dev.pyroom.classroom.control.CourseMessages;
import dev.pyroom.classroom.control.Courses;
import dev.pyroom.classroom.control.Presence;
import dev.pyroom.classroom.entity.Course;
import dev.pyroom.classroom.entity.CourseMessage;
import dev.pyroom.classroom.entity.CourseRole;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.workspace.control.WorkspaceRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/** A student's side of courses: joining with a code, their courses, their instructors' messages. */
@Stateless
@RolesAllowed({"student", "instructor", "admin"})
public class Enrollment {

    private static final int SHOWN_MESSAGES = 3;

    @Inject
    Courses courses;

    @Inject
    AssignmentHandOut handOut;

    @Inject
    CourseMessages messages;

    @Inject
    Presence presence;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    UserRepository users;

    @Inject
    AuditTrail audit;

    /**
     * Enrolls the caller as a student and hands them the course's assignments. Joining again changes nothing, and
     * an instructor of the course stays its instructor.
     *
     * @throws InvalidCourseException when no course has that code
     */
    public CourseView join(long callerId, String code) {
        String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        Course course = courses.findByJoinCode(normalized)
                .orElseThrow(() -> new InvalidCourseException("No course has the code \"" + normalized + "\"."));
        if (courses.addMember(course.getId(), callerId, CourseRole.STUDENT)) {
            audit.record(users.get(callerId), "course.join", CourseAdministration.course(course), "");
        }
        if (courses.roleOf(course.getId(), callerId).orElse(null) == CourseRole.STUDENT) {
            handOut.catchUp(course.getId(), callerId);
        }
        return CourseView.of(course);
    }

    /** The courses the caller is a student in, newest first. */
    public List<CourseView> studying(long callerId) {
        return courses.withMember(callerId, CourseRole.STUDENT).stream()
                .map(CourseView::of)
                .toList();
    }

    /** The latest messages of the caller's courses, newest first. */
    public List<CourseMessage> messages(long callerId) {
        return messages.forStudent(callerId, SHOWN_MESSAGES);
    }

    /** The caller's editor is open on their workspace: they count as online in the live view. */
    public void editorOpen(long callerId, long workspaceId) {
        if (workspaces.findOwned(callerId, workspaceId).isPresent()) {
            presence.seen(callerId, workspaceId);
        }
    }
}
