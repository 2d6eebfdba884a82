package dev.pyroom.platform.boundary;

import dev.pyroom.platform.control.RequestIds;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Keeps the id of the request that opened a WebSocket (the handshake passes {@link RequestIdFilter}) with the
 * socket, so that what is logged while the socket's messages are handled carries it too. The user properties
 * written here belong to this one connection.
 */
public class RequestIdHandshake extends ServerEndpointConfig.Configurator {

    private static final String KEY = RequestIdHandshake.class.getName();

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(config, request, response);
        RequestIds.current().ifPresent(id -> config.getUserProperties().put(KEY, id));
    }

    /** Marks this thread as serving the socket until the scope closes: log lines carry the handshake's id. */
    public static RequestIds.Scope serving(Session socket) {
        return RequestIds.enter(socket.getUserProperties().get(KEY) instanceof String id ? id : null);
    }
}
