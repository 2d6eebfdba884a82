package dev.pyroom.workspace.control;

import java.util.List;

/** What a sync-back stored, and what it refused with the reason a user would want to read. */
public record SyncReport(int stored, int deleted, List<String> refused) {

    public SyncReport {
        refused = List.copyOf(refused);
    }

    public boolean isClean() {
        return refused.isEmpty();
    }
}
