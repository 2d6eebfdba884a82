package dev.pyroom.classroom.entity;

import java.util.Objects;

/** A file or folder an assignment hands out; {@code content} is null for a folder. */
public record StarterFile(String path, boolean folder, String content) {

    public StarterFile {
        Objects.requireNonNull(path, "path");
        if (!folder) {
            Objects.requireNonNull(content, "content");
        }
    }
}
