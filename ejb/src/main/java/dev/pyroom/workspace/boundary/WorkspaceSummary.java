package dev.pyroom.workspace.boundary;

import dev.pyroom.workspace.entity.Workspace;
import java.io.Serializable;
import java.time.OffsetDateTime;

public record WorkspaceSummary(long id, String name, OffsetDateTime createdAt, OffsetDateTime updatedAt)
        implements Serializable {

    static WorkspaceSummary of(Workspace workspace) {
        return new WorkspaceSummary(
                workspace.getId(), workspace.getName(), workspace.getCreatedAt(), workspace.getUpdatedAt());
    }
}
