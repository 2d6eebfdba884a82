package dev.pyroom.grading.control;

/** Text that stops a regular expression working on it once a deadline has passed. */
final class DeadlineCharSequence implements CharSequence {

    /** The deadline passed while an expression was reading the text. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("the time for matching ran out", null, false, false);
        }
    }

    private final CharSequence text;
    private final long deadlineNanos;

    DeadlineCharSequence(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new Expired();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineCharSequence(text.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
