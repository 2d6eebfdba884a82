package dev.pyroom.sandbox.control;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** Framed messages to and from the agent inside a sandbox: a type byte, a big-endian length, the payload. */
final class AgentConnection {

    static final byte RUN = 'R';
    static final byte INPUT = 'I';
    static final byte CLOSE_INPUT = 'C';
    static final byte STOP = 'K';
    static final byte HELLO = 'H';
    static final byte STDOUT = 'O';
    static final byte STDERR = 'E';
    static final byte EXIT = 'X';

    private static final int MAX_PAYLOAD = 1 << 20;

    record Frame(byte type, byte[] payload) {}

    private final DataInputStream in;
    private final DataOutputStream out;

    AgentConnection(InputStream in, OutputStream out) {
        this.in = new DataInputStream(in);
        this.out = new DataOutputStream(new BufferedOutputStream(out));
    }

    /** The launcher holds the sandbox back until it reads a line, so that it can first be put into its cgroup. */
    synchronized void releaseLauncher() throws IOException {
        out.write('\n');
        out.flush();
    }

    synchronized void send(byte type, byte[] payload) throws IOException {
        out.writeByte(type);
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /** Ends the agent's input: it then kills everything in the sandbox and exits. */
    synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // The agent has gone already, which is what closing asks for.
        }
    }

    /** The next frame, or empty when the agent has gone. */
    Optional<Frame> receive() throws IOException {
        int type = in.read();
        if (type < 0) {
            return Optional.empty();
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("bad frame length from sandbox agent: " + length);
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("sandbox agent ended inside a frame");
        }
        return Optional.of(new Frame((byte) type, payload));
    }
}
