package dev.pyroom.workspace.entity;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class FileTooLargeException extends RuntimeException {

    public FileTooLargeException(String path, int sizeBytes, int maxBytes) {
        super("%s is %d KiB; a file can hold at most %d KiB.".formatted(path, sizeBytes / 1024, maxBytes / 1024));
    }
}
