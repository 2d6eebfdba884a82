package dev.pyroom.classroom.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.control.Assignments;
import dev.pyroom.classroom.control.Courses;
import dev.pyroom.classroom.control.HelpRequests;
import dev.pyroom.classroom.entity.NewHelpRequest;
import dev.pyroom.classroom.entity.QueuePlace;
import dev.pyroom.explain.control.TracebackReader;
import dev.pyroom.explain.entity.Traceback;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.sandbox.control.RunOutcomes;
import dev.pyroom.sandbox.entity.RunOutcome;
import dev.pyroom.workspace.boundary.WorkspaceNotFoundException;
import dev.pyroom.workspace.control.FileRepository;
import dev.pyroom.workspace.control.WorkspaceRepository;
import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.InvalidNameException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A student's raised hand, asked from the editor of their copy of an assignment. Authorization: every method first
 * finds the course through the workspace, which must be the caller's own copy of an assignment of a course they
 * still take; anything else answers {@link WorkspaceNotFoundException}, as for a workspace that does not exist. The
 * run's output and error are read from the stored run history, not taken from the browser. Asking and cancelling
 * are audited.
 */
@Stateless
@RolesAllowed({"student", "instructor", "admin"})
public class RaisedHands {

    /** Enough of the output for the traceback and what led to it, in the queue. */
    static final int OUTPUT_TAIL = 2000;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    FileRepository files;

    @Inject
    Assignments assignments;

    @Inject
    Courses courses;

    @Inject
    HelpRequests requests;

    @Inject
    RunOutcomes outcomes;

    @Inject
    UserRepository users;

    @Inject
    AuditTrail audit;

    /** Whether the editor offers "Ask for help" on this workspace: it is the caller's copy in a course they take. */
    public boolean offered(long callerId, long workspaceId) {
        return courseOf(callerId, workspaceId).isPresent();
    }

    /**
     * The caller's open request in the workspace's course and its place in line, or empty when none is open.
     *
     * @throws WorkspaceNotFoundException when the workspace is not the caller's copy in a course they take
     */
    public Optional<QueuePlace> place(long callerId, long workspaceId) {
        return requests.placeOf(course(callerId, workspaceId), callerId);
    }

    /**
     * Asks for help in the workspace's course with the open file, a note, and the workspace's last run as stored.
     * With a request open already, nothing changes: the student keeps their place.
     *
     * @param file the file open in the editor; ignored unless it is a file of the workspace
     * @return the request's place in line
     * @throws WorkspaceNotFoundException when the workspace is not the caller's copy in a course they take
     * @throws dev.pyroom.classroom.entity.InvalidCourseException when the note is too long
     */
    public QueuePlace ask(long callerId, long workspaceId, String file, String note) {
        long courseId = course(callerId, workspaceId);
        Optional<RunOutcome> run = outcomes.latest(workspaceId);
        Optional<Traceback> traceback = run.filter(outcome -> outcome.errorName() != null)
                .flatMap(outcome -> TracebackReader.read(outcome.outputTail()));
        NewHelpRequest request = new NewHelpRequest(
                courseId,
                callerId,
                workspaceId,
                fileOf(workspaceId, file),
                note,
                run.map(RunOutcome::summary).orElse(null),
                run.map(RunOutcome::errorName).orElse(null),
                traceback.map(RaisedHands::lastLine).orElse(null),
                run.map(outcome -> tail(outcome.outputTail())).orElse(null));
        requests.ask(request)
                .ifPresent(id -> audit.record(users.get(callerId), "help.ask", target(id), where(courseId)));
        return requests.placeOf(courseId, callerId).orElseThrow();
    }

    /**
     * Withdraws the caller's open request in the workspace's course.
     *
     * @return whether one was open
     * @throws WorkspaceNotFoundException when the workspace is not the caller's copy in a course they take
     */
    public boolean cancel(long callerId, long workspaceId) {
        long courseId = course(callerId, workspaceId);
        Optional<Long> cancelled = requests.cancel(courseId, callerId);
        cancelled.ifPresent(id -> audit.record(users.get(callerId), "help.cancel", target(id), where(courseId)));
        return cancelled.isPresent();
    }

    private long course(long callerId, long workspaceId) {
        return courseOf(callerId, workspaceId).orElseThrow(() -> new WorkspaceNotFoundException(workspaceId));
    }

    private Optional<Long> courseOf(long callerId, long workspaceId) {
        if (workspaces.findOwned(callerId, workspaceId).isEmpty()) {
            return Optional.empty();
        }
        return assignments.courseOfWorkspace(workspaceId);
    }

    private String fileOf(long workspaceId, String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return files.find(workspaceId, new FilePath(file))
                    .map(found -> file)
                    .orElse(null);
        } catch (InvalidNameException e) {
            return null;
        }
    }

    private String where(long courseId) {
        return courses.find(courseId).map(CourseAdministration::course).orElse("course " + courseId);
    }

    private static String lastLine(Traceback traceback) {
        return traceback.message().isEmpty()
                ? traceback.exception()
                : traceback.exception() + ": " + traceback.message();
    }

    private static String tail(String output) {
        return output.length() <= OUTPUT_TAIL ? output : output.substring(output.length() - OUTPUT_TAIL);
    }

    static String target(long requestId) {
        return "help request " + requestId;
    }
}
