package dev.pyroom.sandbox.boundary;

import dev.pyroom.classroom.control.CourseRunLimits;
import dev.pyroom.platform.control.NodeIdentity;
import dev.pyroom.sandbox.control.NodeSandboxes;
import dev.pyroom.sandbox.control.OutputTail;
import dev.pyroom.sandbox.control.Run;
import dev.pyroom.sandbox.control.RunListener;
import dev.pyroom.sandbox.control.RunRefusedException;
import dev.pyroom.sandbox.control.SandboxClaims;
import dev.pyroom.sandbox.control.SandboxMetrics;
import dev.pyroom.sandbox.control.SessionSandbox;
import dev.pyroom.sandbox.control.Terminal;
import dev.pyroom.sandbox.control.TerminalListener;
import dev.pyroom.sandbox.control.UserRuns;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunOutcome;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.RunResult;
import dev.pyroom.workspace.boundary.WorkspaceNotFoundException;
import dev.pyroom.workspace.control.FileRepository;
import dev.pyroom.workspace.control.WorkspaceRepository;
import dev.pyroom.workspace.entity.FilePath;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a user's programs in the sandbox of their workspace, on this node. Its callers (the REST resource and the
 * editor's WebSocket, both behind the sign-in constraint) pass the id of the user the container authenticated; the
 * ownership check here is the authorization. No role check: WebSocket message threads carry no caller roles.
 */
@Stateless
@PermitAll
public class SandboxService {

    static final String BACKEND = "bubblewrap";
    private static final Logger LOG = Logger.getLogger(SandboxService.class.getName());

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    FileRepository files;

    @Inject
    NodeSandboxes sandboxes;

    @Inject
    SandboxClaims claims;

    @Inject
    NodeIdentity node;

    @Inject
    CourseRunLimits courseLimits;

    @Inject
    SandboxMetrics metrics;

    @Inject
    UserRuns userRuns;

    @EJB
    SandboxBookkeeping bookkeeping;

    /**
     * Starts {@code entryFile} of the owner's workspace as a fresh process, opening the workspace's sandbox on this
     * node first if needed (from the files in the database). Output reaches the listener as it comes. The returned
     * run's result completes once the run no longer counts as running, so a run started when it did is not refused.
     *
     * <p>Without a transaction: the sandbox may have to be opened first, waiting its turn among the node's parallel
     * starts, and a transaction would hold a database connection and the claim's lock all that time, which a class
     * pressing Run together needs. Marking the claim running has a transaction of its own.
     *
     * @throws WorkspaceNotFoundException when the owner has no such workspace
     * @throws RunRefusedException when the workspace runs a program already, or the owner runs as many as they may
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ServedRun run(long ownerId, long workspaceId, String entryFile, RunListener listener) {
        FilePath entry = new FilePath(entryFile);
        userRuns.starting(ownerId, workspaceId);
        RunLimits limits;
        Run run;
        try {
            limits = courseLimits.forWorkspace(workspaceId);
            run = start(ownerId, workspaceId, entry, limits, listener);
        } catch (RuntimeException e) {
            userRuns.ended(ownerId, workspaceId);
            throw e;
        }
        CompletableFuture<RunResult> counted =
                run.result().whenComplete((result, error) -> userRuns.ended(ownerId, workspaceId));
        return new CountedRun(run, limits, counted);
    }

    /** A run whose result completes after the user's count of running programs has let it go. */
    private record CountedRun(Run run, RunLimits limits, CompletableFuture<RunResult> result) implements ServedRun {

        @Override
        public void sendInput(String text) {
            run.sendInput(text);
        }

        @Override
        public void closeInput() {
            run.closeInput();
        }

        @Override
        public void stop() {
            run.stop();
        }
    }

    private Run start(long ownerId, long workspaceId, FilePath entry, RunLimits limits, RunListener listener) {
        SessionSandbox sandbox = sandboxToRun(ownerId, workspaceId);
        RunRequest request = RunRequest.of(entry.value()).withLimits(limits);
        OutputTail tail = new OutputTail(listener);
        OffsetDateTime started = OffsetDateTime.now();
        Run run = sandbox.start(request, tail);
        metrics.runStarted(workspaceId);
        run.result().whenComplete((result, error) -> {
            metrics.runEnded(workspaceId, result);
            bookkeeping.runEnded(workspaceId, started);
            if (result != null) {
                bookkeeping.storeOutcome(new RunOutcome(
                        workspaceId,
                        ownerId,
                        entry.value(),
                        started,
                        OffsetDateTime.now(),
                        result.ending().name(),
                        result.exitCode(),
                        tail.errorName(),
                        tail.text(),
                        result.outputTruncated()));
            }
        });
        return run;
    }

    /**
     * Opens the workspace's sandbox on this node ahead of its first run, in the background: the editor calls this when
     * it opens, so that a class arriving together does not open 300 sandboxes at the moment each student first
     * presses Run, and that first Run finds its sandbox ready. Nothing happens when the sandbox is open already.
     *
     * <p>Without a transaction: opening waits its turn among the node's parallel starts, and a transaction would hold a
     * database connection all that time, which the arriving class's sign-ins and pages need. Its reads need none, and
     * the claim has a transaction of its own.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void prepare(long ownerId, long workspaceId) {
        try {
            sandboxFor(ownerId, workspaceId);
        } catch (RuntimeException e) {
            // The first run opens it then, and reports what goes wrong.
            LOG.log(Level.FINE, "Could not prepare the sandbox of workspace " + workspaceId, e);
        }
    }

    /**
     * Opens a shell in the workspace's sandbox on this node, opening the sandbox first if needed.
     *
     * @throws WorkspaceNotFoundException when the owner has no such workspace
     */
    public Terminal openTerminal(long ownerId, long workspaceId, int cols, int rows, TerminalListener listener) {
        return sandboxFor(ownerId, workspaceId).openTerminal(cols, rows, listener);
    }

    /** A terminal closed: what was done in it comes back to the database. */
    public void terminalClosed(long workspaceId) {
        bookkeeping.activityEnded(workspaceId);
    }

    /**
     * The owner's workspace's sandbox on this node, its claim marked running. A live sandbox this node holds for the
     * owner costs one statement, as a run should; otherwise it is checked, opened and claimed first.
     */
    private SessionSandbox sandboxToRun(long ownerId, long workspaceId) {
        // Opening a sandbox claims it: a sandbox that must be opened is not marked before.
        Optional<SessionSandbox> live = sandboxes.find(workspaceId).filter(SessionSandbox::isAlive);
        if (live.isPresent() && bookkeeping.markRunning(workspaceId, ownerId)) {
            return live.get();
        }
        SessionSandbox sandbox = sandboxFor(ownerId, workspaceId);
        bookkeeping.markRunning(workspaceId, ownerId);
        return sandbox;
    }

    /** The owner's workspace's sandbox on this node, opened from the database and claimed if there is none. */
    private SessionSandbox sandboxFor(long ownerId, long workspaceId) {
        requireOwned(ownerId, workspaceId);
        takeOverFromOtherNode(workspaceId);
        var obtained = sandboxes.obtain(workspaceId, () -> files.inWorkspace(workspaceId));
        if (obtained.opened()) {
            bookkeeping.claim(workspaceId, ownerId, BACKEND);
        }
        return obtained.sandbox();
    }

    private void requireOwned(long ownerId, long workspaceId) {
        workspaces.findOwned(ownerId, workspaceId).orElseThrow(() -> new WorkspaceNotFoundException(workspaceId));
    }

    /**
     * A sandbox another node claimed since this node opened its own may hold newer files: this node's copy is stale,
     * so it is dropped and opened afresh from the database.
     */
    private void takeOverFromOtherNode(long workspaceId) {
        boolean claimedElsewhere = claims.find(workspaceId)
                .map(claim -> !claim.isHeldBy(node.id()))
                .orElse(false);
        if (claimedElsewhere) {
            sandboxes.close(workspaceId);
        }
    }
}
