package dev.pyroom.lint.entity;

import java.util.List;
import java.util.Objects;

/**
 * What one tier found in one version of a document. A caller shows it only while the document is still at that
 * version: a result for an older version arriving late must not replace a newer one.
 */
public record LintResult(long documentVersion, Tier tier, List<Diagnostic> diagnostics) {

    public LintResult {
        Objects.requireNonNull(tier, "tier");
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether this result still describes a document now at {@code currentVersion}. */
    public boolean isCurrentFor(long currentVersion) {
        return documentVersion == currentVersion;
    }
}
