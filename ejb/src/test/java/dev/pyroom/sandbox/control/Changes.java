package dev.pyroom.sandbox.control;

import dev.pyroom.workspace.control.FileChange;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a sandbox reported of its workspace, in a form assertions can compare. */
final class Changes {

    private Changes() {}

    static List<String> paths(List<FileChange> changes) {
        return changes.stream().map(FileChange::path).toList();
    }

    /** One line per change: {@code + path = text} for files, {@code + path/} for folders, {@code - path} deletions. */
    static List<String> summary(List<FileChange> changes) {
        return changes.stream().map(Changes::describe).toList();
    }

    private static String describe(FileChange change) {
        if (change.isDeletion()) {
            return "- " + change.path();
        }
        if (change.folder()) {
            return "+ " + change.path() + "/";
        }
        if (change.content().length > 64) {
            return "+ " + change.path() + " (" + change.content().length + " bytes)";
        }
        return "+ " + change.path() + " = " + new String(change.content(), StandardCharsets.UTF_8);
    }
}
