package dev.pyroom.workspace.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.workspace.control.FileRepository;
import dev.pyroom.workspace.control.UploadPart;
import dev.pyroom.workspace.control.UploadReader;
import dev.pyroom.workspace.control.UploadRefusedException;
import dev.pyroom.workspace.control.UploadSettings;
import dev.pyroom.workspace.control.UploadedEntry;
import dev.pyroom.workspace.control.WorkspaceRepository;
import dev.pyroom.workspace.entity.Workspace;
import dev.pyroom.workspace.entity.WorkspaceFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Uploads of text files and zip archives into a user's own workspace, all or nothing: one transaction stores every
 * file, or a refusal changes nothing. An upload never replaces a file: a file already there with the same content is
 * left as it is; one with other content makes the whole upload refused.
 */
@Stateless
@RolesAllowed({"student", "instructor", "admin"})
public class WorkspaceUploads {

    private static final int NAMES_SHOWN = 5;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    FileRepository files;

    @Inject
    WorkspaceFiles workspaceFiles;

    @Inject
    UploadSettings settings;

    @Inject
    AuditTrail audit;

    /**
     * Adds the uploaded files, unpacking zip archives, at the top of the workspace.
     *
     * @throws WorkspaceNotFoundException when the owner has no such workspace
     * @throws UploadRefusedException when anything in the upload is unacceptable or clashes with an existing file
     * @throws WorkspaceFullException when the workspace would exceed its limits
     */
    public UploadReport upload(long ownerId, long workspaceId, List<UploadPart> parts) {
        Workspace workspace = workspaces
                .findOwned(ownerId, workspaceId)
                .orElseThrow(() -> new WorkspaceNotFoundException(workspaceId));
        List<UploadedEntry> entries = UploadReader.read(parts, settings.limits());
        Map<String, WorkspaceFile> existing = files.inWorkspace(workspaceId).stream()
                .collect(Collectors.toMap(file -> file.getPath().value(), Function.identity()));
        List<UploadedEntry> added = new ArrayList<>();
        List<String> clashes = new ArrayList<>();
        for (UploadedEntry entry : entries) {
            WorkspaceFile there = existing.get(entry.path().value());
            if (there == null) {
                added.add(entry);
            } else if (!sameAs(there, entry)) {
                clashes.add(entry.path().value());
            }
        }
        if (!clashes.isEmpty()) {
            throw new UploadRefusedException("Uploads never replace a file, and " + names(clashes)
                    + (clashes.size() == 1 ? " is" : " are") + " here already with other content."
                    + " Rename or delete " + (clashes.size() == 1 ? "it" : "them") + " first.");
        }
        added.sort(Comparator.comparing(entry -> entry.path().value()));
        for (UploadedEntry entry : added) {
            store(ownerId, workspaceId, entry);
        }
        List<String> addedFiles = added.stream()
                .filter(entry -> !entry.isFolder())
                .map(entry -> entry.path().value())
                .toList();
        audit.record(
                workspace.getOwner(),
                "workspace.upload",
                "workspace " + workspace.getName(),
                addedFiles.size() + " files: " + names(addedFiles));
        return new UploadReport(addedFiles, entries.size() - added.size());
    }

    /** Folders may be created by a file inside them first, so an existing folder is no clash. */
    private void store(long ownerId, long workspaceId, UploadedEntry entry) {
        if (entry.isFolder()) {
            if (files.find(workspaceId, entry.path()).isEmpty()) {
                workspaceFiles.createFolder(ownerId, workspaceId, entry.path().value());
            }
        } else {
            workspaceFiles.save(ownerId, workspaceId, entry.path().value(), entry.content());
        }
    }

    private static boolean sameAs(WorkspaceFile there, UploadedEntry entry) {
        return entry.isFolder()
                ? there.getKind() == WorkspaceFile.Kind.FOLDER
                : there.getKind() == WorkspaceFile.Kind.FILE && Objects.equals(there.getContent(), entry.content());
    }

    private static String names(List<String> paths) {
        String shown = paths.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
        return paths.size() > NAMES_SHOWN ? shown + " and " + (paths.size() - NAMES_SHOWN) + " more" : shown;
    }
}
