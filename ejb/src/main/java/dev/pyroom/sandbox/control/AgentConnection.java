package dev.pyroom.sandbox.control;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Framed messages to and from the agent inside a sandbox: a type byte, a big-endian length, the payload.
 *
 * <p>Frames to the agent go out through a writer thread of their own. While the agent writes output it reads no
 * requests, so a caller writing straight into the pipe could wait on the agent while the agent waits on the thread
 * that reads its output, which may be that very caller, inside a listener.
 */
final class AgentConnection {

    static final byte RUN = 'R';
    static final byte INPUT = 'I';
    static final byte CLOSE_INPUT = 'C';
    static final byte STOP = 'K';
    static final byte COLLECT_CHANGES = 'S';
    static final byte PUT_FILE = 'P';
    static final byte DELETE = 'D';
    static final byte MAKE_FOLDER = 'M';
    static final byte OPEN_TERMINAL = 'T';
    static final byte TERMINAL_INPUT = 'U';
    static final byte RESIZE_TERMINAL = 'W';
    static final byte CLOSE_TERMINAL = 'Q';
    static final byte COUNT_TERMINAL_PROCESSES = 'N';
    static final byte MEASURE = 'L';

    static final byte HELLO = 'H';
    static final byte STDOUT = 'O';
    static final byte STDERR = 'E';
    static final byte EXIT = 'X';
    static final byte CHANGE = 'c';
    static final byte CHANGES_END = 'z';
    static final byte DONE = 'a';
    static final byte FAILED = 'f';
    static final byte TERMINAL_OUTPUT = 't';
    static final byte TERMINAL_ENDED = 'q';

    /** A file's content up to the largest a workspace stores, one byte more, and its path. */
    private static final int MAX_PAYLOAD = 2 << 20;

    private static final byte[] END = new byte[0];

    record Frame(byte type, byte[] payload) {}

    private final DataInputStream in;
    private final OutputStream out;
    private final BlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>();
    private volatile boolean gone;

    AgentConnection(InputStream in, OutputStream out, String name) {
        this.in = new DataInputStream(in);
        this.out = new BufferedOutputStream(out);
        Thread writer = new Thread(this::write, name + "-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** The launcher holds the sandbox back until it reads a line, so that it can first be put into its cgroup. */
    void releaseLauncher() throws IOException {
        queue(new byte[] {'\n'});
    }

    /** Queues a frame for the agent; returns at once. */
    void send(byte type, byte[] payload) throws IOException {
        queue(ByteBuffer.allocate(Byte.BYTES + Integer.BYTES + payload.length)
                .put(type)
                .putInt(payload.length)
                .put(payload)
                .array());
    }

    /** Ends the agent's input once what was queued before has gone out: it then kills everything and exits. */
    void close() {
        outbox.add(END);
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

    private void queue(byte[] bytes) throws IOException {
        if (gone) {
            throw new IOException("the sandbox agent has gone");
        }
        outbox.add(bytes);
    }

    private void write() {
        try (out) {
            byte[] next;
            while ((next = outbox.take()) != END) {
                out.write(next);
                if (outbox.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The agent has gone; the reading side notices and ends the sandbox.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gone = true;
            outbox.clear();
        }
    }
}
