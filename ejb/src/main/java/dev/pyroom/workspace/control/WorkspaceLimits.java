package dev.pyroom.workspace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How much a workspace may hold. A single file is further bounded by {@code WorkspaceFile.MAX_SIZE_BYTES}. */
@ApplicationScoped
public class WorkspaceLimits {

    @Inject
    @ConfigProperty(name = "pyroom.workspace.max-entries", defaultValue = "500")
    int maxEntries;

    @Inject
    @ConfigProperty(name = "pyroom.workspace.max-bytes", defaultValue = "20971520")
    long maxBytes;

    public int maxEntries() {
        return maxEntries;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
