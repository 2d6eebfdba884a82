package dev.pyroom.sandbox.boundary;

import dev.pyroom.identity.boundary.SignedInSockets;
import dev.pyroom.identity.boundary.UserService;
import dev.pyroom.sandbox.control.Run;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunResult;
import dev.pyroom.workspace.boundary.WorkspaceNotFoundException;
import dev.pyroom.workspace.entity.InvalidNameException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The editor's connection for running a program: {@code run}, {@code input} and {@code stop} messages in; the
 * program's output and a closing line out, as they come. Only signed-in users get here (web.xml), and each runs only
 * their own workspaces' files.
 */
@ServerEndpoint("/ws/run")
public class RunSocket {

    private static final Logger LOG = Logger.getLogger(RunSocket.class.getName());

    @Inject
    SandboxService sandboxes;

    @Inject
    UserService users;

    @Inject
    SignedInSockets signedInSockets;

    private long userId;
    private volatile Run run;

    @OnOpen
    public void open(Session session) throws IOException {
        var id = session.getUserPrincipal() == null
                ? null
                : users.idOf(session.getUserPrincipal()).orElse(null);
        if (id == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
            return;
        }
        userId = id;
        signedInSockets.opened(session);
    }

    @OnMessage
    public void message(Session session, String text) {
        JsonObject message;
        try {
            message = Json.createReader(new StringReader(text)).readObject();
        } catch (JsonException | IllegalStateException e) {
            send(session, RunMessages.error("That message could not be read."));
            return;
        }
        switch (message.getString("type", "")) {
            case "run" -> start(session, message);
            case "input" -> whileRunning(current -> current.sendInput(message.getString("text", "")));
            case "stop" -> whileRunning(Run::stop);
            default -> send(session, RunMessages.error("Unknown message."));
        }
    }

    @OnClose
    public void close(Session session) {
        signedInSockets.closed(session);
        whileRunning(Run::stop);
    }

    private void start(Session session, JsonObject message) {
        if (run != null && !run.result().isDone()) {
            send(session, RunMessages.error("A program is already running: stop it first."));
            return;
        }
        try {
            long workspaceId = message.getJsonNumber("workspaceId").longValue();
            String entryFile = message.getString("entryFile", "main.py");
            RunLimits limits = sandboxes.limits(workspaceId);
            run = sandboxes.run(userId, workspaceId, entryFile, chunk -> send(session, RunMessages.output(chunk)));
            run.result().whenComplete((result, error) -> ended(session, result, error, limits));
        } catch (WorkspaceNotFoundException e) {
            send(session, RunMessages.error("No such workspace."));
        } catch (InvalidNameException e) {
            send(session, RunMessages.error(e.getMessage()));
        } catch (NullPointerException | ClassCastException e) {
            send(session, RunMessages.error("A run needs a workspace."));
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "A run could not start", e);
            send(session, RunMessages.error("The program could not start; please run again."));
        }
    }

    private void ended(Session session, RunResult result, Throwable error, RunLimits limits) {
        if (error != null) {
            LOG.log(Level.WARNING, "A run failed", error);
            send(session, RunMessages.error("The run broke off; please run again."));
        } else {
            send(session, RunMessages.end(result, limits));
        }
    }

    private void whileRunning(Consumer<Run> action) {
        Run current = run;
        if (current != null && !current.result().isDone()) {
            action.accept(current);
        }
    }

    /** Messages go out one at a time: a slow browser slows the program down rather than piling up output. */
    private static void send(Session session, JsonObject message) {
        if (!session.isOpen()) {
            return;
        }
        try {
            synchronized (session) {
                session.getBasicRemote().sendText(message.toString());
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not reach the browser", e);
        }
    }
}
