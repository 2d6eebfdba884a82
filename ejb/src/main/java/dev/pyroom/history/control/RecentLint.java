package dev.pyroom.history.control;

import dev.pyroom.history.entity.VersionLint;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest lint result of each file this node linted, by the hash of the text, so that a save of text linted just
 * before gives its version that result at once. A result that arrives after the save reaches the version through the
 * database. Entries are per workspace file and read only for a save of that file, by its owner.
 */
@ApplicationScoped
public class RecentLint {

    private static final int MAX_FILES = 20_000;

    private record Linted(String hash, VersionLint lint) {}

    private final Map<String, Linted> byFile = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Linted> eldest) {
            return size() > MAX_FILES;
        }
    };

    /** Keeps the result unless a deep one of the same text is kept already. */
    public synchronized void remember(long workspaceId, String path, String hash, VersionLint lint) {
        String file = key(workspaceId, path);
        Linted kept = byFile.get(file);
        boolean keepDeep = kept != null
                && kept.hash().equals(hash)
                && "DEEP".equals(kept.lint().tier());
        if (!keepDeep) {
            byFile.put(file, new Linted(hash, lint));
        }
    }

    public synchronized Optional<VersionLint> of(long workspaceId, String path, String hash) {
        Linted kept = byFile.get(key(workspaceId, path));
        return kept != null && kept.hash().equals(hash) ? Optional.of(kept.lint()) : Optional.empty();
    }

    private static String key(long workspaceId, String path) {
        return workspaceId + ":" + path;
    }
}
