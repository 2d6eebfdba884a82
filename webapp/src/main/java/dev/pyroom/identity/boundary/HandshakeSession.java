package dev.pyroom.identity.boundary;

import dev.pyroom.platform.boundary.RequestIdHandshake;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Keeps the HTTP session a WebSocket was opened in with the socket, so that a connection kept open for many requests
 * can ask, at each one, whether that sign-in still stands. The container closes a socket whose HTTP session ends, but
 * a request can arrive before it does. The user properties written here belong to this one connection. It keeps the
 * handshake's request id as well ({@link RequestIdHandshake}).
 */
public class HandshakeSession extends RequestIdHandshake {

    private static final String KEY = HandshakeSession.class.getName();

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(config, request, response);
        if (request.getHttpSession() instanceof HttpSession session) {
            config.getUserProperties().put(KEY, session);
        }
    }

    /** Whether the HTTP session the socket was opened in has ended (signed out or expired); false when unknown. */
    static boolean ended(Session socket) {
        if (!(socket.getUserProperties().get(KEY) instanceof HttpSession session)) {
            return false;
        }
        try {
            session.getCreationTime();
            return false;
        } catch (IllegalStateException invalidated) {
            return true;
        }
    }
}
