package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.TerminalSize;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A terminal as the host sees it: keystrokes and sizes go to the agent, output comes back on the agent's thread. */
final class AgentTerminal implements Terminal {

    private static final Logger LOG = Logger.getLogger(AgentTerminal.class.getName());
    private static final int MAX_INPUT_FRAME = 64 * 1024;

    private final int id;
    private final AgentConnection connection;
    private final TerminalListener listener;
    private volatile boolean open = true;

    AgentTerminal(int id, AgentConnection connection, TerminalListener listener) {
        this.id = id;
        this.connection = connection;
        this.listener = listener;
    }

    int id() {
        return id;
    }

    /** The agent's request to start the shell: its size and the limits its processes get. */
    byte[] openRequest(TerminalSize size, int processes, long addressSpaceBytes, long fileSizeBytes) {
        return framed(text(
                size.cols() + " " + size.rows() + " " + processes + " " + addressSpaceBytes + " " + fileSizeBytes));
    }

    @Override
    public void write(byte[] input) {
        for (int from = 0; from < input.length; from += MAX_INPUT_FRAME) {
            send(
                    AgentConnection.TERMINAL_INPUT,
                    Arrays.copyOfRange(input, from, Math.min(input.length, from + MAX_INPUT_FRAME)));
        }
    }

    @Override
    public void resize(int cols, int rows) {
        TerminalSize size = new TerminalSize(cols, rows);
        send(AgentConnection.RESIZE_TERMINAL, text(size.cols() + " " + size.rows()));
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        send(AgentConnection.CLOSE_TERMINAL, new byte[0]);
    }

    void output(byte[] bytes) {
        try {
            listener.onOutput(bytes);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "terminal listener failed", e);
        }
    }

    void ended() {
        open = false;
        try {
            listener.onClosed();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "terminal listener failed", e);
        }
    }

    private void send(byte type, byte[] payload) {
        if (!open) {
            return;
        }
        try {
            connection.send(type, framed(payload));
        } catch (IOException e) {
            LOG.log(Level.FINE, "sandbox agent gone; terminal request dropped", e);
        }
    }

    private byte[] framed(byte[] payload) {
        return ByteBuffer.allocate(Integer.BYTES + payload.length)
                .putInt(id)
                .put(payload)
                .array();
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
