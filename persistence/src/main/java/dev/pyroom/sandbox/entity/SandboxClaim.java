package dev.pyroom.sandbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A node's claim on the sandbox of one workspace: which node holds it, since when, and when it was last used. Only the
 * node named here acts on that sandbox.
 */
@Entity
@Table(name = "sandbox")
@NamedQuery(name = SandboxClaim.ON_NODE, query = "select c from SandboxClaim c where c.nodeId = :nodeId")
public class SandboxClaim {

    public static final String ON_NODE = "SandboxClaim.onNode";

    public enum State {
        IDLE,
        RUNNING
    }

    @Id
    @Column(name = "workspace_id")
    private Long workspaceId;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(name = "node_id", nullable = false)
    private String nodeId;

    @Column(nullable = false)
    private String backend;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_activity_at", nullable = false)
    private OffsetDateTime lastActivityAt;

    protected SandboxClaim() {}

    public boolean isHeldBy(String node) {
        return nodeId.equals(node);
    }

    public boolean isIdleLongerThan(Duration idle, OffsetDateTime now) {
        return state == State.IDLE && lastActivityAt.plus(idle).isBefore(now);
    }

    public boolean isOlderThan(Duration lifetime, OffsetDateTime now) {
        return createdAt.plus(lifetime).isBefore(now);
    }

    public void idle(OffsetDateTime now) {
        state = State.IDLE;
        lastActivityAt = now;
    }

    public long getWorkspaceId() {
        return workspaceId;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public String getNodeId() {
        return nodeId;
    }

    public String getBackend() {
        return backend;
    }

    public State getState() {
        return state;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getLastActivityAt() {
        return lastActivityAt;
    }
}
