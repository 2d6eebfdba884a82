package dev.pyroom.classroom.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.boundary.RosterEntry.Status;
import dev.pyroom.classroom.control.AssignmentHandOut;
import dev.pyroom.classroom.control.CourseAccess;
import dev.pyroom.classroom.control.CourseInvitations;
import dev.pyroom.classroom.control.Courses;
import dev.pyroom.classroom.control.RosterFile;
import dev.pyroom.classroom.entity.Course;
import dev.pyroom.classroom.entity.CourseRole;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.identity.control.KeycloakDirectory;
import dev.pyroom.identity.control.KeycloakDirectory.Account;
import dev.pyroom.identity.control.KeycloakUnreachableException;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.identity.entity.User;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An instructor puts a list of students on a course's roster: each row is looked up in Keycloak by username or email;
 * students who signed in before are enrolled at once, the others at their first sign-in. Previewing changes nothing;
 * importing the same roster again changes nothing either.
 */
@Stateless
@RolesAllowed({"instructor", "admin"})
public class RosterImport {

    @Inject
    CourseAccess access;

    @Inject
    KeycloakDirectory directory;

    @Inject
    UserRepository users;

    @Inject
    Courses courses;

    @Inject
    CourseInvitations invitations;

    @Inject
    AssignmentHandOut handOut;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    /**
     * What importing the roster would do, row by row.
     *
     * @throws InvalidCourseException when the roster cannot be read or Keycloak cannot be asked
     * @throws CourseNotFoundException when the caller does not teach the course
     */
    public List<RosterEntry> preview(long callerId, long courseId, String roster) {
        Course course = access.teachable(callerId, isAdmin(), courseId);
        return resolve(course, roster).stream().map(Resolved::entry).toList();
    }

    /**
     * Enrolls or invites every student the roster names who is not in the course yet; audited per student.
     *
     * @return every row with what was done to it
     * @throws InvalidCourseException when the roster cannot be read or Keycloak cannot be asked
     * @throws CourseNotFoundException when the caller does not teach the course
     */
    public List<RosterEntry> importRoster(long callerId, long courseId, String roster) {
        Course course = access.teachable(callerId, isAdmin(), courseId);
        User caller = users.get(callerId);
        List<Resolved> rows = resolve(course, roster);
        for (Resolved row : rows) {
            if (row.entry().status() == Status.ENROLL) {
                long studentId = row.user().orElseThrow().getId();
                courses.addMember(courseId, studentId, CourseRole.STUDENT);
                handOut.catchUp(courseId, studentId);
                audit.record(caller, "course.roster-enroll", CourseAdministration.course(course), row.detail());
            } else if (row.entry().status() == Status.INVITE) {
                Account account = row.account().orElseThrow();
                invitations.invite(courseId, account.id(), account.username(), callerId);
                audit.record(caller, "course.roster-invite", CourseAdministration.course(course), row.detail());
            }
        }
        return rows.stream().map(Resolved::entry).toList();
    }

    private List<Resolved> resolve(Course course, String roster) {
        List<Resolved> resolved = new ArrayList<>();
        try {
            for (RosterFile.Row row : RosterFile.read(roster)) {
                resolved.add(row.valid() ? lookUp(course, row) : refused(row));
            }
        } catch (KeycloakUnreachableException e) {
            throw new InvalidCourseException(
                    "Keycloak cannot be asked who these students are right now; nothing was changed. Try again soon.");
        }
        return resolved;
    }

    private Resolved lookUp(Course course, RosterFile.Row row) {
        Optional<Account> account = directory.findExact(row.entry());
        if (account.isEmpty()) {
            return new Resolved(
                    new RosterEntry(row.row(), row.entry(), Status.UNKNOWN, ""), Optional.empty(), Optional.empty());
        }
        String username = account.get().username();
        Optional<User> user = users.findBySubject(account.get().id());
        boolean already = user.isPresent()
                ? courses.roleOf(course.getId(), user.get().getId()).isPresent()
                : invitations.isInvited(course.getId(), account.get().id());
        Status status = already ? Status.ALREADY : user.isPresent() ? Status.ENROLL : Status.INVITE;
        String detail =
                status == Status.ALREADY && user.isEmpty() ? username + " (invited, not signed in yet)" : username;
        return new Resolved(new RosterEntry(row.row(), row.entry(), status, detail), account, user);
    }

    private static Resolved refused(RosterFile.Row row) {
        return new Resolved(
                new RosterEntry(row.row(), row.entry(), Status.REFUSED, row.problem()),
                Optional.empty(),
                Optional.empty());
    }

    private boolean isAdmin() {
        return context.isCallerInRole("admin");
    }

    private record Resolved(RosterEntry entry, Optional<Account> account, Optional<User> user) {

        String detail() {
            return entry.detail();
        }
    }
}
