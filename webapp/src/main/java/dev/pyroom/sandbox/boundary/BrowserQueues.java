package dev.pyroom.sandbox.boundary;

import dev.pyroom.sandbox.control.OutputQueue;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Output queues in front of a WebSocket session. Tyrus queues asynchronous sends without bound and gives blocking
 * sends no timeout, so a queue sends one message at a time asynchronously and holds the rest within its own bound.
 */
final class BrowserQueues {

    private static final Logger LOG = Logger.getLogger(BrowserQueues.class.getName());

    /** How long output waits for a browser that takes nothing before it is dropped instead. */
    static final Duration STALL = Duration.ofSeconds(5);

    static final String DROPPED = "… output dropped: the browser is not keeping up";

    private BrowserQueues() {}

    /** Text messages, sized by their UTF-8 bytes. */
    static OutputQueue<String> text(Session session, long boundBytes, String notice) {
        return new OutputQueue<>(
                boundBytes,
                STALL,
                text -> text.getBytes(StandardCharsets.UTF_8).length,
                notice,
                (text, done) -> send(done, handler -> session.getAsyncRemote().sendText(text, handler)));
    }

    /** Binary messages. */
    static OutputQueue<byte[]> binary(Session session, long boundBytes, byte[] notice) {
        return new OutputQueue<>(
                boundBytes,
                STALL,
                bytes -> bytes.length,
                notice,
                (bytes, done) ->
                        send(done, handler -> session.getAsyncRemote().sendBinary(ByteBuffer.wrap(bytes), handler)));
    }

    private interface Sending {
        void send(SendHandler handler);
    }

    private static void send(Runnable done, Sending sending) {
        try {
            sending.send(result -> {
                if (!result.isOK()) {
                    LOG.log(Level.FINE, "Could not reach the browser", result.getException());
                }
                done.run();
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not reach the browser", e);
            done.run();
        }
    }
}
