package dev.pyroom.sandbox.control;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What a terminal showed, for tests that wait until something appears. */
final class Screen implements TerminalListener {

    private static final long WAIT_SECONDS = 20;

    private final StringBuilder shown = new StringBuilder();
    private int seen;
    private boolean closed;

    @Override
    public synchronized void onOutput(byte[] bytes) {
        shown.append(new String(bytes, StandardCharsets.ISO_8859_1));
        notifyAll();
    }

    @Override
    public synchronized void onClosed() {
        closed = true;
        notifyAll();
    }

    /**
     * Waits until the terminal shows text after what earlier waits matched. Commands should compute what they print
     * (say {@code echo done-$((6*7))}, awaiting {@code done-42}), so that the echo of the typed line does not match.
     */
    synchronized void await(String text) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        int found;
        while ((found = shown.indexOf(text, seen)) < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed) {
                throw new TimeoutException(
                        "the terminal did not show " + text + "; it showed:\n" + shown.substring(seen));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        seen = found + text.length();
    }

    synchronized void awaitClosed() throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("the terminal did not close");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
