package dev.pyroom.lint.boundary;

import dev.pyroom.classroom.control.Presence;
import dev.pyroom.lint.control.FileChecks;
import dev.pyroom.lint.entity.Diagnostic;
import dev.pyroom.lint.entity.LintResult;
import dev.pyroom.lint.entity.Severity;
import dev.pyroom.workspace.control.WorkspaceRepository;
import dev.pyroom.workspace.entity.FilePath;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Keeps the latest lint result of each file of a user's own workspace, for the instructor's live view. */
@Stateless
@RolesAllowed({"student", "instructor", "admin"})
public class LintHistory {

    private static final int MAX_ERROR_LENGTH = 200;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    FileChecks checks;

    @Inject
    Presence presence;

    /**
     * Stores how many errors the file has and the first one; a student checking code counts as online. Results for a workspace that is not the user's, or for
     * a path no file could have, are ignored: the editor's lint answer must not fail because of bookkeeping.
     */
    public void record(long userId, long workspaceId, String path, LintResult result) {
        if (workspaces.findOwned(userId, workspaceId).isEmpty()) {
            return;
        }
        presence.seen(userId, workspaceId);
        FilePath file = new FilePath(path);
        List<Diagnostic> errors = result.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .toList();
        Diagnostic top = errors.isEmpty() ? null : errors.get(0);
        checks.record(
                workspaceId,
                file.value(),
                errors.size(),
                top == null ? null : top.symbol(),
                top == null ? null : shortened("line " + top.line() + ": " + top.message()));
    }

    private static String shortened(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
