package dev.pyroom.sandbox.entity;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which file of the workspace to run, with what arguments and limits.
 *
 * @param entryFile path relative to the workspace, for example {@code main.py} or {@code lesson1/task.py}
 */
public record RunRequest(String entryFile, List<String> arguments, RunLimits limits) {

    public RunRequest {
        Objects.requireNonNull(entryFile, "entryFile");
        Objects.requireNonNull(limits, "limits");
        arguments = List.copyOf(arguments);
        requireInsideWorkspace(entryFile);
        arguments.forEach(argument -> requireNoNul(argument, "argument"));
    }

    public static RunRequest of(String entryFile) {
        return new RunRequest(entryFile, List.of(), RunLimits.DEFAULTS);
    }

    public RunRequest withLimits(RunLimits value) {
        return new RunRequest(entryFile, arguments, value);
    }

    public RunRequest withArguments(List<String> value) {
        return new RunRequest(entryFile, value, limits);
    }

    private static void requireInsideWorkspace(String entryFile) {
        requireNoNul(entryFile, "entryFile");
        Path path;
        try {
            path = Path.of(entryFile);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a file path: " + entryFile, e);
        }
        Path normalized = path.normalize();
        if (entryFile.isBlank()
                || path.isAbsolute()
                || normalized.startsWith("..")
                || normalized.toString().isEmpty()) {
            throw new IllegalArgumentException("entryFile must name a file inside the workspace: " + entryFile);
        }
    }

    private static void requireNoNul(String value, String name) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " must not contain NUL");
        }
    }
}
