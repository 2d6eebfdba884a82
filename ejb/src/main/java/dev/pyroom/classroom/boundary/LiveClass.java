package dev.pyroom.classroom.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.control.ClassErrorsQuery;
import dev.pyroom.classroom.control.ClassViewMetrics;
import dev.pyroom.classroom.control.ClassViewMetrics.Read;
import dev.pyroom.classroom.control.CourseAccess;
import dev.pyroom.classroom.control.LiveClassQuery;
import dev.pyroom.classroom.entity.ClassError;
import dev.pyroom.classroom.entity.Course;
import dev.pyroom.classroom.entity.StarterFile;
import dev.pyroom.classroom.entity.StudentActivity;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.sandbox.control.RunOutcomes;
import dev.pyroom.sandbox.control.SandboxClaims;
import dev.pyroom.sandbox.control.SandboxCommands;
import dev.pyroom.sandbox.entity.SandboxCommand;
import dev.pyroom.workspace.control.FileRepository;
import dev.pyroom.workspace.control.WorkspaceRepository;
import dev.pyroom.workspace.entity.Workspace;
import dev.pyroom.workspace.entity.WorkspaceFile;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * The live class view and stepping in: what each student of a course does now, a student's code read-only, stopping
 * their program and ending their sandbox. Only for the course's instructors and admins; actions are audited.
 */
@Stateless
@RolesAllowed({"instructor", "admin"})
public class LiveClass {

    /** How many of the class's errors the cockpit lists. */
    static final int FREQUENT_ERRORS = 8;

    @Inject
    CourseAccess access;

    @Inject
    LiveClassQuery query;

    @Inject
    ClassErrorsQuery errors;

    @Inject
    ClassViewMetrics metrics;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    FileRepository files;

    @Inject
    RunOutcomes outcomes;

    @Inject
    SandboxClaims claims;

    @Inject
    SandboxCommands commands;

    @Inject
    UserRepository users;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    /** Every student of the course with their current activity, by name. */
    public List<StudentActivity> students(long callerId, long courseId) {
        access.teachable(callerId, isAdmin(), courseId);
        return metrics.timed(Read.STUDENTS, () -> query.students(courseId));
    }

    /** The errors the most students of the course met within the window, the most students first. */
    public List<ClassError> frequentErrors(long callerId, long courseId, Duration window) {
        access.teachable(callerId, isAdmin(), courseId);
        return metrics.timed(Read.ERRORS, () -> errors.frequent(courseId, window, FREQUENT_ERRORS));
    }

    /** An instructor opens a student's workspace: checked and audited once, not at every refresh. */
    public void opened(long callerId, long courseId, long workspaceId) {
        Course course = access.studentWorkspace(callerId, isAdmin(), courseId, workspaceId);
        audit.record(users.get(callerId), "workspace.open-read-only", target(workspaceId), course(course, true));
    }

    /** A student's course workspace as it is in the database now, with their last run. */
    public StudentWorkspace look(long callerId, long courseId, long workspaceId) {
        access.studentWorkspace(callerId, isAdmin(), courseId, workspaceId);
        Workspace workspace = workspaces.find(workspaceId).orElseThrow(() -> new CourseNotFoundException(courseId));
        List<StarterFile> content = files.inWorkspace(workspaceId).stream()
                .filter(file -> file.getKind() == WorkspaceFile.Kind.FILE)
                .map(file -> new StarterFile(file.getPath().value(), false, file.getContent()))
                .toList();
        String state =
                claims.find(workspaceId).map(claim -> claim.getState().name()).orElse("NONE");
        return new StudentWorkspace(
                workspace.getOwner().getDisplayName(),
                workspace.getName(),
                content,
                outcomes.latest(workspaceId).orElse(null),
                state);
    }

    /**
     * Asks the node holding the student's sandbox, whichever it is, to stop the program running there.
     *
     * @return whether the student has a sandbox, and so was asked
     */
    public boolean stopRun(long callerId, long courseId, long workspaceId) {
        return send(callerId, courseId, workspaceId, SandboxCommand.Action.STOP_RUN, "sandbox.stop-run");
    }

    /**
     * Asks the node holding the student's sandbox to end it, keeping their files; their next run starts a fresh one.
     *
     * @return whether the student has a sandbox, and so was asked
     */
    public boolean endSandbox(long callerId, long courseId, long workspaceId) {
        return send(callerId, courseId, workspaceId, SandboxCommand.Action.END_SANDBOX, "sandbox.end");
    }

    private boolean send(long callerId, long courseId, long workspaceId, SandboxCommand.Action action, String what) {
        Course course = access.studentWorkspace(callerId, isAdmin(), courseId, workspaceId);
        boolean sent = commands.send(workspaceId, action);
        audit.record(users.get(callerId), what, target(workspaceId), course(course, sent));
        return sent;
    }

    private static String target(long workspaceId) {
        return "workspace " + workspaceId;
    }

    private static String course(Course course, boolean done) {
        return CourseAdministration.course(course) + (done ? "" : " (no sandbox)");
    }

    private boolean isAdmin() {
        return context.isCallerInRole("admin");
    }
}
