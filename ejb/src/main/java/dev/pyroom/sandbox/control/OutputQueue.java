package dev.pyroom.sandbox.control;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Output on its way to a consumer that takes it at its own pace, such as a browser at the end of a WebSocket. The
 * consumer gets one message at a time, and the queue holds at most {@code boundBytes}, the message the consumer has
 * not finished taking included (one larger message is let in alone).
 *
 * <p>A producer finding no room waits, as a program waits on a full pipe. When the consumer has taken nothing for
 * {@code stall}, output is dropped instead, without waiting, until there is room again; then a notice saying so comes
 * first. So a consumer that stops reading neither grows the heap nor holds the sandbox: its program runs on to its
 * limits, and a stop request still reaches it.
 *
 * @param <T> a message, sized by the function given
 */
public final class OutputQueue<T> {

    /** Takes a message, and says when it is done with it (written, or failed) by calling {@code done}, maybe at once. */
    @FunctionalInterface
    public interface Consumer<T> {
        void take(T message, Runnable done);
    }

    private final long boundBytes;
    private final Duration stall;
    private final ToLongFunction<T> sizeOf;
    private final T notice;
    private final Consumer<T> consumer;
    private final Deque<T> waiting = new ArrayDeque<>();
    private long heldBytes;
    private long droppedBytes;
    private boolean taking;
    private boolean pumping;
    private boolean dropping;
    private boolean closed;

    /**
     * @param notice what the consumer gets where output was dropped
     */
    public OutputQueue(long boundBytes, Duration stall, ToLongFunction<T> sizeOf, T notice, Consumer<T> consumer) {
        this.boundBytes = boundBytes;
        this.stall = Objects.requireNonNull(stall, "stall");
        this.sizeOf = Objects.requireNonNull(sizeOf, "sizeOf");
        this.notice = Objects.requireNonNull(notice, "notice");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** Queues a message, waiting for room up to the stall time; drops it when there is none by then. */
    public void offer(T message) {
        long size = sizeOf.applyAsLong(message);
        synchronized (this) {
            if (!dropping && !awaitRoom(size)) {
                dropping = true;
            }
            if (closed) {
                return;
            }
            if (dropping && !fits(size + sizeOf.applyAsLong(notice))) {
                droppedBytes += size;
                return;
            }
            queueNoticeIfDropped();
            queue(message, size);
        }
        pump();
    }

    /**
     * Queues a message that must not be lost, such as the last one, without waiting: it may take the queue past its
     * bound by its own size.
     */
    public void offerLast(T message) {
        synchronized (this) {
            if (closed) {
                return;
            }
            queueNoticeIfDropped();
            queue(message, sizeOf.applyAsLong(message));
        }
        pump();
    }

    /** Drops what waits and whatever comes later; a producer waiting for room goes on. */
    public synchronized void close() {
        closed = true;
        waiting.forEach(message -> heldBytes -= sizeOf.applyAsLong(message));
        waiting.clear();
        notifyAll();
    }

    /** Waits until the consumer has taken everything queued, or for at most {@code wait}; for a last word. */
    public synchronized void awaitDrained(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        while (heldBytes > 0 && !closed && (left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The bytes of messages queued and not yet taken, the one being taken included. */
    public synchronized long heldBytes() {
        return heldBytes;
    }

    /** The bytes of messages dropped because the consumer was not keeping up. */
    public synchronized long droppedBytes() {
        return droppedBytes;
    }

    private boolean awaitRoom(long size) {
        long deadline = System.nanoTime() + stall.toNanos();
        while (!closed && !fits(size)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean fits(long size) {
        return heldBytes == 0 || heldBytes + size <= boundBytes;
    }

    private void queueNoticeIfDropped() {
        if (dropping) {
            dropping = false;
            queue(notice, sizeOf.applyAsLong(notice));
        }
    }

    private void queue(T message, long size) {
        waiting.add(message);
        heldBytes += size;
    }

    /**
     * Hands messages over one by one. A consumer that is done at once calls back into {@link #taken} on this thread:
     * the loop here goes on rather than the call stack growing with every message.
     */
    private void pump() {
        synchronized (this) {
            if (pumping) {
                return;
            }
            pumping = true;
        }
        while (true) {
            T next;
            synchronized (this) {
                if (taking || waiting.isEmpty()) {
                    pumping = false;
                    return;
                }
                next = waiting.poll();
                taking = true;
            }
            long size = sizeOf.applyAsLong(next);
            consumer.take(next, () -> taken(size));
        }
    }

    private void taken(long size) {
        synchronized (this) {
            heldBytes -= size;
            taking = false;
            notifyAll();
        }
        pump();
    }
}
