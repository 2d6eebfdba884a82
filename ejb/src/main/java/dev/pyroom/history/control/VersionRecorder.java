package dev.pyroom.history.control;

import dev.pyroom.history.entity.VersionLint;
import dev.pyroom.workspace.boundary.WorkspaceFileChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/** Keeps a version of every file text saved through Pyroom, in the transaction that saves it. */
@ApplicationScoped
public class VersionRecorder {

    @Inject
    FileVersions versions;

    @Inject
    RecentLint recentLint;

    @Inject
    HistorySettings settings;

    void saved(@Observes WorkspaceFileChanged change) {
        if (change.folder() || change.content() == null) {
            return;
        }
        String hash = ContentHash.of(change.content());
        VersionLint lint =
                recentLint.of(change.workspaceId(), change.path(), hash).orElse(null);
        versions.add(
                change.workspaceId(),
                change.path(),
                change.content(),
                hash,
                OffsetDateTime.now(),
                lint,
                settings.versionsPerFile());
    }
}
