package dev.pyroom.sandbox.entity;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A sandbox open somewhere in the cluster, as its claim and the holding node's last measure describe it.
 *
 * @param cpuPercent CPU in percent of one core, null until measured
 * @param memoryBytes resident memory, null until measured
 */
public record LiveSandbox(
        long workspaceId,
        String workspaceName,
        String ownerUsername,
        String ownerName,
        String nodeId,
        String colour,
        String backend,
        String state,
        OffsetDateTime createdAt,
        OffsetDateTime lastActivityAt,
        Integer cpuPercent,
        Long memoryBytes) {

    public Duration age(OffsetDateTime now) {
        return Duration.between(createdAt, now);
    }

    public Duration idle(OffsetDateTime now) {
        return "RUNNING".equals(state) ? Duration.ZERO : Duration.between(lastActivityAt, now);
    }
}
