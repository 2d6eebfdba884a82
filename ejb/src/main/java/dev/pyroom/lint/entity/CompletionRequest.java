package dev.pyroom.lint.entity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the editor asks about one position of one version of a workspace file.
 *
 * @param documentVersion the editor's version number of the document, handed back with the answer
 * @param path the file's path in its workspace; it names the module, no file is read or written
 * @param source the whole text of the document, as the editor has it now
 * @param line 1-based
 * @param column 1-based, in UTF-16 code units, as the editor counts
 * @param files the workspace's other Python files, by path, as saved: what the document can import of its own
 * @param wanted what to answer: any of completions, signatures and documentation
 */
public record CompletionRequest(
        long documentVersion,
        String path,
        String source,
        int line,
        int column,
        Map<String, String> files,
        Set<Wanted> wanted) {

    /** What the editor asks for at the position. */
    public enum Wanted {
        /** Names that may be typed here. */
        COMPLETIONS,
        /** The signature of the call the position is in. */
        SIGNATURES,
        /** The documentation of the name at the position. */
        HOVER
    }

    public CompletionRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        if (!path.endsWith(".py") || path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("not a workspace's Python file: " + path);
        }
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("lines and columns count from 1");
        }
        files = Map.copyOf(files);
        wanted = wanted.isEmpty() ? EnumSet.allOf(Wanted.class) : EnumSet.copyOf(wanted);
    }
}
