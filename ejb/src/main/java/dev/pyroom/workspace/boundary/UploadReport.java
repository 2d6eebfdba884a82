package dev.pyroom.workspace.boundary;

import java.util.List;

/**
 * What an upload added.
 *
 * @param addedFiles the paths of the files it added
 * @param alreadyThere files and folders that were in the workspace already, exactly as uploaded
 */
public record UploadReport(List<String> addedFiles, int alreadyThere) {

    public UploadReport {
        addedFiles = List.copyOf(addedFiles);
    }
}
