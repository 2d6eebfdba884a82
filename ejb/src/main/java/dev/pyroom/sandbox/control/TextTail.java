package dev.pyroom.sandbox.control;

/** The last characters of a growing text, kept in bounded memory; safe to use from several threads. */
public final class TextTail {

    private final int kept;
    private final StringBuilder tail = new StringBuilder();

    public TextTail(int kept) {
        this.kept = kept;
    }

    public void append(String text) {
        synchronized (tail) {
            tail.append(text);
            // Trimmed only once it has grown to twice the kept size, so that appending stays cheap.
            if (tail.length() > 2 * kept) {
                tail.delete(0, tail.length() - kept);
            }
        }
    }

    /** At most the last {@code kept} characters appended. */
    public String text() {
        synchronized (tail) {
            return tail.length() <= kept ? tail.toString() : tail.substring(tail.length() - kept);
        }
    }
}
