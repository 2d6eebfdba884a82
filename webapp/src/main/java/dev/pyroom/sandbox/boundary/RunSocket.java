package dev.pyroom.sandbox.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.explain.control.RunExplainer;
import dev.pyroom.explain.control.StderrTail;
import dev.pyroom.identity.boundary.HandshakeSession;
import dev.pyroom.identity.boundary.SignedInSockets;
import dev.pyroom.identity.boundary.UserService;
import dev.pyroom.platform.boundary.DatabaseUnavailable;
import dev.pyroom.platform.boundary.RequestIdHandshake;
import dev.pyroom.platform.control.DatabaseOutage;
import dev.pyroom.platform.control.RequestIds;
import dev.pyroom.sandbox.control.OutputQueue;
import dev.pyroom.sandbox.control.Run;
import dev.pyroom.sandbox.control.RunListener;
import dev.pyroom.sandbox.control.RunRefusedException;
import dev.pyroom.sandbox.control.SandboxException;
import dev.pyroom.sandbox.control.SandboxSettings;
import dev.pyroom.sandbox.entity.Figure;
import dev.pyroom.sandbox.entity.OutputChunk;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunResult;
import dev.pyroom.workspace.boundary.WorkspaceNotFoundException;
import dev.pyroom.workspace.entity.InvalidNameException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The editor's connection for running programs: {@code run}, {@code input} and {@code stop} messages in; the
 * program's output and the figures it shows ({@code image}, a PNG in base64) as they come, then the explanation of an
 * error or a limit that ended it, and a closing line out. An editor page keeps its connection open and sends one run
 * after another over it (one at a time). Only signed-in users get here (web.xml); each run request checks again that
 * the sign-in still stands (a sign-out or Keycloak's word closes the connection, as a policy violation) and runs only
 * the caller's own workspaces' files.
 *
 * <p>Messages out go through an {@link OutputQueue} of {@code pyroom.websocket.output-buffer-bytes}, sent
 * asynchronously one at a time: a slow browser slows the program down, and one that takes nothing for a few seconds
 * gets a notice where output was dropped instead of the server holding it.
 */
@ServerEndpoint(value = "/ws/run", configurator = HandshakeSession.class)
public class RunSocket {

    private static final Logger LOG = Logger.getLogger(RunSocket.class.getName());

    /** How long the browser gets to take the reason a run was refused before the connection closes. */
    private static final Duration LAST_WORD = Duration.ofSeconds(2);

    @Inject
    SandboxService sandboxes;

    @Inject
    UserService users;

    @Inject
    SandboxSettings settings;

    @Inject
    SignedInSockets signedInSockets;

    @Inject
    RunExplainer explainer;

    private Session session;
    private Principal caller;
    private Long userId;
    private OutputQueue<String> toBrowser;
    private volatile Run run;

    @OnOpen
    public void open(Session session) throws IOException {
        try (RequestIds.Scope serving = RequestIdHandshake.serving(session)) {
            opened(session);
        }
    }

    private void opened(Session session) throws IOException {
        // Open as long as its page is. An idle timeout would re-arm a timer on every message, each capturing the
        // container's context: a cost every output line paid. Behind the load balancer, its tunnel timeout applies.
        session.setMaxIdleTimeout(0);
        this.session = session;
        caller = session.getUserPrincipal();
        try {
            if (caller == null || user().isEmpty()) {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
                return;
            }
        } catch (EJBException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            // The connection stays: its run requests say the database is unavailable, or run once it is back.
        }
        toBrowser = BrowserQueues.text(
                session, settings.outputBufferBytes(), RunMessages.dropped().toString());
        signedInSockets.opened(session);
    }

    @OnMessage
    public void message(String text) {
        try (RequestIds.Scope serving = RequestIdHandshake.serving(session)) {
            handle(text);
        }
    }

    private void handle(String text) {
        JsonObject message;
        try {
            message = JSON.createReader(new StringReader(text)).readObject();
        } catch (JsonException | IllegalStateException e) {
            send(RunMessages.error("That message could not be read."));
            return;
        }
        switch (message.getString("type", "")) {
            case "run" -> start(message);
            case "input" -> whileRunning(current -> sendInput(current, message.getString("text", "")));
            case "stop" -> whileRunning(Run::stop);
            default -> send(RunMessages.error("Unknown message."));
        }
    }

    @OnClose
    public void close(Session session) {
        signedInSockets.closed(session);
        whileRunning(Run::stop);
        if (toBrowser != null) {
            toBrowser.close();
        }
    }

    private void start(JsonObject message) {
        if (run != null && !run.result().isDone()) {
            send(RunMessages.error("A program is already running: stop it first."));
            return;
        }
        Optional<String> refusal = signedInSockets.refusal(session);
        if (refusal.isPresent()) {
            toBrowser.offerLast(RunMessages.error("Not run: " + refusal.get() + ". Sign in again, then run.")
                    .toString());
            toBrowser.awaitDrained(LAST_WORD);
            signedInSockets.closeSignedOut(session, refusal.get());
            return;
        }
        try {
            RunStart request = RunStart.of(message);
            Optional<Long> owner = user();
            if (owner.isEmpty()) {
                send(RunMessages.error("Sign in first."));
                return;
            }
            StderrTail stderr = new StderrTail(new ToBrowser());
            ServedRun started = sandboxes.run(owner.get(), request.workspaceId(), request.entryFile(), stderr);
            run = started;
            started.result().whenComplete((result, error) -> ended(result, error, started.limits(), stderr));
        } catch (RunStart.InvalidException | RunRefusedException | InvalidNameException e) {
            send(RunMessages.error(e.getMessage()));
        } catch (WorkspaceNotFoundException e) {
            send(RunMessages.error("No such workspace."));
        } catch (EJBException e) {
            if (DatabaseOutage.causedBy(e)) {
                LOG.warning("A run could not start: the database is unavailable");
                send(RunMessages.error(DatabaseUnavailable.MESSAGE));
            } else {
                LOG.log(Level.WARNING, "A run could not start", e);
                send(RunMessages.error("The program could not start; please run again."));
            }
        }
    }

    /** The caller's id, asked of the database once it answers. */
    private Optional<Long> user() {
        if (userId == null) {
            userId = users.idOf(caller).orElse(null);
        }
        return Optional.ofNullable(userId);
    }

    private void sendInput(Run current, String text) {
        try {
            current.sendInput(text);
        } catch (SandboxException e) {
            send(RunMessages.notice("Input refused: the program is not taking its input."));
        }
    }

    private void ended(RunResult result, Throwable error, RunLimits limits, StderrTail stderr) {
        try (RequestIds.Scope serving = RequestIdHandshake.serving(session)) {
            report(result, error, limits, stderr);
        }
    }

    private void report(RunResult result, Throwable error, RunLimits limits, StderrTail stderr) {
        if (error != null) {
            LOG.log(Level.WARNING, "A run failed", error);
            toBrowser.offerLast(
                    RunMessages.error("The run broke off; please run again.").toString());
        } else {
            explainer
                    .explain(stderr.text(), result, limits)
                    .ifPresent(explanation -> toBrowser.offerLast(
                            RunMessages.explanation(explanation).toString()));
            toBrowser.offerLast(RunMessages.end(result, limits).toString());
        }
    }

    private void whileRunning(Consumer<Run> action) {
        Run current = run;
        if (current != null && !current.result().isDone()) {
            action.accept(current);
        }
    }

    private void send(JsonObject message) {
        toBrowser.offer(message.toString());
    }

    /** A run's output and figures, as messages to the browser. */
    private final class ToBrowser implements RunListener {

        @Override
        public void onOutput(OutputChunk chunk) {
            send(RunMessages.output(chunk));
        }

        @Override
        public void onFigure(Figure figure) {
            send(RunMessages.figure(figure));
        }
    }
}
