package dev.pyroom.sandbox.control;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Framed messages to and from the agent inside a sandbox: a type byte, a big-endian length, the payload.
 *
 * <p>Frames to the agent go out through a writer thread of their own. While the agent writes output it reads no
 * requests, so a caller writing straight into the pipe could wait on the agent while the agent waits on the thread
 * that reads its output, which may be that very caller, inside a listener.
 *
 * <p>The frames waiting for the writer hold at most {@link #OUTBOX_BYTES} (one larger frame is let in alone): a caller
 * finding no room waits for the agent to take what is queued, and is refused when it does not in time, so that a
 * client flooding a sandbox with input cannot grow the heap.
 */
final class AgentConnection {

    static final byte RUN = 'R';
    static final byte GRADE = 'G';
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
    static final byte FIGURE = 'i';
    static final byte CHANGE = 'c';
    static final byte CHANGES_END = 'z';
    static final byte DONE = 'a';
    static final byte FAILED = 'f';
    static final byte TERMINAL_OUTPUT = 't';
    static final byte TERMINAL_ENDED = 'q';

    /** A file's content up to the largest a workspace stores, one byte more, and its path. */
    private static final int MAX_PAYLOAD = 2 << 20;

    /** Bytes of frames queued for the agent and not yet written to it. */
    static final int OUTBOX_BYTES = 1 << 20;

    private static final Duration ROOM_WAIT = Duration.ofSeconds(5);
    private static final byte[] END = new byte[0];

    record Frame(byte type, byte[] payload) {}

    private final DataInputStream in;
    private final OutputStream out;
    private final BlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>();
    private final Object room = new Object();
    private long queuedBytes;
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

    /**
     * Queues a frame for the agent; returns at once unless the queue is full.
     *
     * @throws IOException when the agent has gone
     * @throws SandboxException when the agent has not made room in time for the frame
     */
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

    /** The bytes queued for the agent and not yet written to it. */
    long queuedBytes() {
        synchronized (room) {
            return queuedBytes;
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

    private void queue(byte[] bytes) throws IOException {
        synchronized (room) {
            long deadline = System.nanoTime() + ROOM_WAIT.toNanos();
            while (!gone && queuedBytes > 0 && queuedBytes + bytes.length > OUTBOX_BYTES) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SandboxException("the sandbox is not taking more input for now");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(room, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SandboxException("interrupted while waiting for the sandbox to take input", e);
                }
            }
            if (gone) {
                throw new IOException("the sandbox agent has gone");
            }
            queuedBytes += bytes.length;
        }
        outbox.add(bytes);
    }

    private void written(byte[] bytes) {
        synchronized (room) {
            queuedBytes -= bytes.length;
            room.notifyAll();
        }
    }

    private void write() {
        try (out) {
            byte[] next;
            while ((next = outbox.take()) != END) {
                out.write(next);
                written(next);
                if (outbox.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The agent has gone; the reading side notices and ends the sandbox.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (room) {
                gone = true;
                outbox.clear();
                queuedBytes = 0;
                room.notifyAll();
            }
        }
    }
}
