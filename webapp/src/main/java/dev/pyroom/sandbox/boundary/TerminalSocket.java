package dev.pyroom.sandbox.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.identity.boundary.SignedInSockets;
import dev.pyroom.identity.boundary.UserService;
import dev.pyroom.platform.boundary.DatabaseUnavailable;
import dev.pyroom.platform.boundary.RequestIdHandshake;
import dev.pyroom.platform.control.DatabaseOutage;
import dev.pyroom.platform.control.RequestIds;
import dev.pyroom.sandbox.control.OutputQueue;
import dev.pyroom.sandbox.control.SandboxException;
import dev.pyroom.sandbox.control.SandboxSettings;
import dev.pyroom.sandbox.control.Terminal;
import dev.pyroom.sandbox.control.TerminalListener;
import dev.pyroom.workspace.boundary.WorkspaceNotFoundException;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The editor's terminal: a shell in the workspace's sandbox. Opened with {@code ?workspace=<id>&cols=<n>&rows=<n>};
 * keystrokes and size changes come in as JSON, the terminal's bytes go out as binary messages, through an
 * {@link OutputQueue} of {@code pyroom.websocket.output-buffer-bytes} as on the run connection. Keystrokes the sandbox
 * does not take in time are dropped.
 */
@ServerEndpoint(value = "/ws/terminal", configurator = RequestIdHandshake.class)
public class TerminalSocket {

    private static final Logger LOG = Logger.getLogger(TerminalSocket.class.getName());
    private static final int DEFAULT_COLS = 80;
    private static final int DEFAULT_ROWS = 24;
    private static final byte[] DROPPED = ("\r\n" + BrowserQueues.DROPPED + "\r\n").getBytes(StandardCharsets.UTF_8);

    @Inject
    SandboxService sandboxes;

    @Inject
    UserService users;

    @Inject
    SandboxSettings settings;

    @Inject
    SignedInSockets signedInSockets;

    private volatile Terminal terminal;
    private volatile OutputQueue<byte[]> toBrowser;
    private long workspaceId;

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
        try {
            openShell(session);
        } catch (EJBException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            // The editor reconnects after a while: by then the database may be back.
            session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, DatabaseUnavailable.MESSAGE));
        }
    }

    private void openShell(Session session) throws IOException {
        var userId = session.getUserPrincipal() == null
                ? null
                : users.idOf(session.getUserPrincipal()).orElse(null);
        if (userId == null) {
            refuse(session, "sign in first");
            return;
        }
        try {
            workspaceId = Long.parseLong(parameter(session, "workspace", ""));
            int cols = Integer.parseInt(parameter(session, "cols", String.valueOf(DEFAULT_COLS)));
            int rows = Integer.parseInt(parameter(session, "rows", String.valueOf(DEFAULT_ROWS)));
            toBrowser = BrowserQueues.binary(session, settings.outputBufferBytes(), DROPPED);
            terminal = sandboxes.openTerminal(userId, workspaceId, cols, rows, new Relay(session, toBrowser));
            signedInSockets.opened(session);
        } catch (NumberFormatException | WorkspaceNotFoundException e) {
            refuse(session, "no such workspace");
        } catch (IllegalArgumentException e) {
            refuse(session, e.getMessage());
        }
    }

    @OnMessage
    public void message(String text, Session session) {
        try (RequestIds.Scope serving = RequestIdHandshake.serving(session)) {
            handle(text);
        }
    }

    private void handle(String text) {
        Terminal current = terminal;
        if (current == null) {
            return;
        }
        try {
            JsonObject message = JSON.createReader(new StringReader(text)).readObject();
            switch (message.getString("type", "")) {
                case "input" -> current.write(message.getString("data", "").getBytes(StandardCharsets.UTF_8));
                case "resize" ->
                    current.resize(message.getInt("cols", DEFAULT_COLS), message.getInt("rows", DEFAULT_ROWS));
                default -> LOG.fine(() -> "Unknown terminal message type");
            }
        } catch (JsonException | IllegalStateException | IllegalArgumentException | ClassCastException e) {
            LOG.log(Level.FINE, "Unreadable terminal message", e);
        } catch (SandboxException e) {
            LOG.log(Level.FINE, "Keystrokes dropped: the sandbox is not taking them", e);
        }
    }

    @OnClose
    public void close(Session session) {
        signedInSockets.closed(session);
        if (toBrowser != null) {
            toBrowser.close();
        }
        Terminal current = terminal;
        if (current != null) {
            current.close();
            sandboxes.terminalClosed(workspaceId);
        }
    }

    private static String parameter(Session session, String name, String fallback) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static void refuse(Session session, String reason) throws IOException {
        session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
    }

    /** Passes the terminal's bytes to the browser, one message at a time. */
    private record Relay(Session session, OutputQueue<byte[]> toBrowser) implements TerminalListener {

        @Override
        public void onOutput(byte[] bytes) {
            if (session.isOpen()) {
                toBrowser.offer(bytes);
            }
        }

        @Override
        public void onClosed() {
            toBrowser.awaitDrained(BrowserQueues.STALL);
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "the shell ended"));
            } catch (IOException e) {
                LOG.log(Level.FINE, "Could not close the terminal's connection", e);
            }
        }
    }
}
