package dev.pyroom.explain.control;

import dev.pyroom.explain.entity.StudentFrame;
import dev.pyroom.explain.entity.Traceback;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the traceback a Python program ended with from the end of its stderr. A program's own files lie under
 * {@code /workspace/} in every sandbox; frames elsewhere (the standard library) are not the student's.
 */
public final class TracebackReader {

    static final String WORKSPACE = "/workspace/";
    private static final Pattern EXCEPTION_LINE =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*(?:Error|Exception|Warning|Interrupt|Exit))(?:: (.*))?");
    // Frames of a running program end in ", in <function>"; a SyntaxError's location has no function.
    private static final Pattern FRAME_LINE = Pattern.compile(" {2}File \"(.+)\", line (\\d+)(?:, in .*)?");
    private static final Pattern CARETS = Pattern.compile(" *[~^]*\\^[~^]*");
    private static final String HEADER = "Traceback (most recent call last):";
    private static final String CODE_INDENT = "    ";

    private TracebackReader() {}

    /** The traceback stderr ends with, or empty when its last line names no exception. */
    public static Optional<Traceback> read(String stderr) {
        List<String> lines = stderr.lines().toList();
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        if (last < 0) {
            return Optional.empty();
        }
        Matcher exception = EXCEPTION_LINE.matcher(lines.get(last));
        if (!exception.matches()) {
            return Optional.empty();
        }
        String name = exception.group(1);
        String message = exception.group(2) == null ? "" : exception.group(2);
        return Optional.of(
                new Traceback(name.substring(name.lastIndexOf('.') + 1), message, lastStudentFrame(lines, last)));
    }

    /** The last frame in the workspace, among the frames of the last traceback before the exception line. */
    private static StudentFrame lastStudentFrame(List<String> lines, int exceptionLine) {
        for (int i = exceptionLine - 1; i >= 0 && !lines.get(i).equals(HEADER); i--) {
            Matcher frame = FRAME_LINE.matcher(lines.get(i));
            if (frame.matches() && frame.group(1).startsWith(WORKSPACE)) {
                return studentFrame(lines, i, exceptionLine, frame);
            }
        }
        return null;
    }

    private static StudentFrame studentFrame(List<String> lines, int at, int end, Matcher frame) {
        String file = frame.group(1).substring(WORKSPACE.length());
        int line;
        try {
            line = Integer.parseInt(frame.group(2));
        } catch (NumberFormatException e) {
            return null;
        }
        String code = at + 1 < end ? codeLine(lines.get(at + 1)) : "";
        String marks = code.isEmpty() || at + 2 >= end ? "" : marks(lines.get(at + 2));
        return line < 1 ? null : new StudentFrame(file, line, code, marks);
    }

    private static String codeLine(String line) {
        return line.startsWith(CODE_INDENT) && !FRAME_LINE.matcher(line).matches()
                ? line.substring(CODE_INDENT.length())
                : "";
    }

    /** Python 3.11 marks what failed with {@code ^} and its operands with {@code ~}, under the code. */
    private static String marks(String line) {
        return line.startsWith(CODE_INDENT) && CARETS.matcher(line).matches()
                ? line.substring(CODE_INDENT.length())
                : "";
    }
}
