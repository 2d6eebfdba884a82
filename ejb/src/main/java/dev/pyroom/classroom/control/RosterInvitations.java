package dev.pyroom.classroom.control;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.entity.CourseRole;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.identity.entity.SignedIn;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Enrolls a student in the courses whose rosters named them, at their first sign-in after the import. */
@Dependent
public class RosterInvitations {

    @Inject
    CourseInvitations invitations;

    @Inject
    Courses courses;

    @Inject
    AssignmentHandOut handOut;

    @Inject
    UserRepository users;

    @Inject
    AuditTrail audit;

    void enroll(@Observes SignedIn signedIn) {
        for (long courseId : invitations.take(signedIn.subject())) {
            if (courses.addMember(courseId, signedIn.userId(), CourseRole.STUDENT)) {
                String course = courses.find(courseId)
                        .map(found -> "course " + courseId + " " + found.getName())
                        .orElse("course " + courseId);
                audit.record(users.get(signedIn.userId()), "course.join", course, "from the roster");
            }
            handOut.catchUp(courseId, signedIn.userId());
        }
    }
}
