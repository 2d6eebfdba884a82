package dev.pyroom.classroom.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.control.CourseAccess;
import dev.pyroom.classroom.control.HelpRequests;
import dev.pyroom.classroom.entity.Course;
import dev.pyroom.classroom.entity.HelpRequest;
import dev.pyroom.identity.control.UserRepository;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A course's help queue as its instructors work through it: the open requests in the order they were asked, who
 * answers which, and closing them. Authorization: every method checks through {@link CourseAccess} that the caller
 * teaches the course (admins: any), else {@link CourseNotFoundException}; a request is reached only through its own
 * course. Answering and closing are audited.
 */
@Stateless
@RolesAllowed({"instructor", "admin"})
public class HelpQueue {

    @Inject
    CourseAccess access;

    @Inject
    HelpRequests requests;

    @Inject
    UserRepository users;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    /** The course's open requests, asked first first, each with who answers it. */
    public List<HelpRequest> open(long callerId, long courseId) {
        access.teachable(callerId, isAdmin(), courseId);
        return requests.open(courseId);
    }

    /**
     * The caller answers the request: every instructor of the course sees that they do, and the student sees who
     * is coming. Another instructor may take it over.
     *
     * @return whether the request was open in this course
     */
    public boolean answer(long callerId, long courseId, long requestId) {
        Course course = access.teachable(callerId, isAdmin(), courseId);
        boolean answered = requests.answer(courseId, requestId, callerId);
        if (answered) {
            audit.record(
                    users.get(callerId),
                    "help.answer",
                    RaisedHands.target(requestId),
                    CourseAdministration.course(course));
        }
        return answered;
    }

    /**
     * Closes the request: the student has been helped.
     *
     * @return whether the request was open in this course
     */
    public boolean done(long callerId, long courseId, long requestId) {
        Course course = access.teachable(callerId, isAdmin(), courseId);
        boolean closed = requests.done(courseId, requestId);
        if (closed) {
            audit.record(
                    users.get(callerId),
                    "help.done",
                    RaisedHands.target(requestId),
                    CourseAdministration.course(course));
        }
        return closed;
    }

    private boolean isAdmin() {
        return context.isCallerInRole("admin");
    }
}
