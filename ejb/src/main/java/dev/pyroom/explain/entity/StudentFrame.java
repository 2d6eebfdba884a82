package dev.pyroom.explain.entity;

import java.util.Objects;

/**
 * Where in the student's own files a traceback points: its last frame in the workspace, library frames left out.
 *
 * @param file the file's path in the workspace ({@code lesson/task.py})
 * @param line the line number, from 1
 * @param code the line's code as the traceback shows it, without its indentation; empty when not shown
 * @param marks the line under the code marking what failed ({@code ^}) and its operands ({@code ~}), lined up with
 *     the code; empty when the traceback marks nothing
 */
public record StudentFrame(String file, int line, String code, String marks) {

    public StudentFrame {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(marks, "marks");
        if (line < 1) {
            throw new IllegalArgumentException("line must be positive: " + line);
        }
    }

    /** The code marked with {@code ^}: what failed ({@code [3]} of {@code items[3]}). Empty when nothing is. */
    public String pointed() {
        return code(marks.indexOf('^'), marks.lastIndexOf('^') + 1);
    }

    /** The code marked with {@code ~} or {@code ^}: what failed with what it worked on ({@code items[3]}). */
    public String marked() {
        int from = 0;
        while (from < marks.length() && marks.charAt(from) == ' ') {
            from++;
        }
        return code(from, marks.stripTrailing().length());
    }

    private String code(int from, int to) {
        if (from < 0 || from >= code.length() || to <= from) {
            return "";
        }
        return code.substring(from, Math.min(to, code.length())).strip();
    }
}
