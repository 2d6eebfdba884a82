package dev.pyroom.workspace.boundary;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class FileNotFoundInWorkspaceException extends RuntimeException {

    public FileNotFoundInWorkspaceException(String path) {
        super("There is no file " + path + " in this workspace.");
    }
}
