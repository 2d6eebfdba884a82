package dev.pyroom.sandbox.control;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An input stream fed with chunks by another thread, as a callback delivers them; ends when told to. It holds at most
 * {@link #MAX_HELD_BYTES} not yet read (one larger chunk is let in alone): the feeding thread then waits for the
 * reader, as a writer waits on a full pipe, so a reader that stops reading cannot grow the heap.
 */
final class ChunkInputStream extends InputStream {

    static final int MAX_HELD_BYTES = 256 * 1024;

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private final Object room = new Object();
    private long heldBytes;
    private boolean discarding;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /** Waits until there is room for the chunk; drops it when the stream was discarded meanwhile. */
    void add(byte[] chunk) throws InterruptedIOException {
        if (chunk.length == 0) {
            return;
        }
        synchronized (room) {
            while (!discarding && heldBytes > 0 && heldBytes + chunk.length > MAX_HELD_BYTES) {
                try {
                    room.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for a sandbox's reader");
                }
            }
            if (discarding) {
                return;
            }
            heldBytes += chunk.length;
        }
        chunks.add(chunk.clone());
    }

    /** Readers get what was added before, then the end of the stream. */
    void end() {
        chunks.add(END);
    }

    /** Nobody will read on: what is held is let go, a waiting feeder goes on, and later chunks are dropped. */
    void discard() {
        synchronized (room) {
            discarding = true;
            chunks.clear();
            heldBytes = 0;
            room.notifyAll();
        }
        end();
    }

    /** The bytes added and not yet read. */
    long heldBytes() {
        synchronized (room) {
            return heldBytes;
        }
    }

    @Override
    public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] target, int offset, int length) throws InterruptedIOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading from a sandbox");
            }
            position = 0;
            ended = current == END;
            taken(current.length);
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, count);
        position += count;
        return count;
    }

    private void taken(int count) {
        synchronized (room) {
            if (!discarding) {
                heldBytes -= count;
            }
            room.notifyAll();
        }
    }
}
