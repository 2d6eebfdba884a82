package dev.pyroom.lint.boundary;

import dev.pyroom.classroom.control.Presence;
import dev.pyroom.history.control.ContentHash;
import dev.pyroom.history.control.FileVersions;
import dev.pyroom.history.control.RecentLint;
import dev.pyroom.history.entity.VersionLint;
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

/**
 * Keeps the latest lint result of each file of a user's own workspace, for the instructor's live view, and gives each
 * saved version of a file the lint result of its text (see {@link FileVersions}).
 */
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

    @Inject
    FileVersions versions;

    @Inject
    RecentLint recentLint;

    /**
     * Stores how many errors the file has and the first one; a student checking code counts as online. Results for a workspace that is not the user's, or for
     * a path no file could have, are ignored: the editor's lint answer must not fail because of bookkeeping.
     */
    public void record(long userId, long workspaceId, String path, String source, LintResult result) {
        if (workspaces.findOwned(userId, workspaceId).isEmpty()) {
            return;
        }
        presence.seen(userId, workspaceId);
        FilePath file = new FilePath(path);
        List<Diagnostic> errors = ofSeverity(result, Severity.ERROR);
        Diagnostic top = errors.isEmpty() ? null : errors.get(0);
        checks.record(
                workspaceId,
                file.value(),
                errors.size(),
                top == null ? null : top.symbol(),
                top == null ? null : shortened("line " + top.line() + ": " + top.message()));
        VersionLint lint = versionLint(result);
        String hash = ContentHash.of(source);
        recentLint.remember(workspaceId, file.value(), hash, lint);
        versions.lint(workspaceId, file.value(), hash, lint);
    }

    private static VersionLint versionLint(LintResult result) {
        List<Diagnostic> errors = ofSeverity(result, Severity.ERROR);
        List<Diagnostic> warnings = ofSeverity(result, Severity.WARNING);
        Diagnostic top = !errors.isEmpty() ? errors.get(0) : warnings.isEmpty() ? null : warnings.get(0);
        return new VersionLint(
                result.tier().name(),
                errors.size(),
                warnings.size(),
                top == null ? null : top.symbol(),
                top == null ? null : shortened("line " + top.line() + ": " + top.message()));
    }

    private static List<Diagnostic> ofSeverity(LintResult result, Severity severity) {
        return result.diagnostics().stream()
                .filter(d -> d.severity() == severity)
                .toList();
    }

    private static String shortened(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
