package dev.pyroom.grading.control;

/** Bounds the text a check keeps of what the work printed. */
final class GraderText {

    static final int MAX_KEPT_CHARS = 8 * 1024;

    private GraderText() {}

    /** The end of the text, where errors are, at most {@link #MAX_KEPT_CHARS} long. */
    static String tail(String text) {
        return text.length() <= MAX_KEPT_CHARS ? text : "…" + text.substring(text.length() - MAX_KEPT_CHARS + 1);
    }
}
