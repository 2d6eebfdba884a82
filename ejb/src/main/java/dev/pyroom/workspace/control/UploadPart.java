package dev.pyroom.workspace.control;

import java.util.Objects;

/** One file as a browser sent it: its name (not trusted yet) and its bytes. */
public record UploadPart(String fileName, byte[] bytes) {

    public UploadPart {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(bytes, "bytes");
    }

    public boolean isZip() {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }
}
