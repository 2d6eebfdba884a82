package dev.pyroom.workspace.entity;

import dev.pyroom.identity.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A named set of folders and files that belongs to one user. */
@Entity
@Table(name = "workspace")
@NamedQuery(
        name = Workspace.FIND_BY_OWNER,
        query = "select w from Workspace w where w.owner.id = :ownerId order by lower(w.name)")
@NamedQuery(
        name = Workspace.COUNT_BY_OWNER_AND_NAME,
        query = "select count(w) from Workspace w where w.owner.id = :ownerId and lower(w.name) = lower(:name)"
                + " and w.id <> :exceptId")
public class Workspace {

    public static final String FIND_BY_OWNER = "Workspace.findByOwner";
    public static final String COUNT_BY_OWNER_AND_NAME = "Workspace.countByOwnerAndName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id", updatable = false)
    private User owner;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Workspace() {}

    public Workspace(User owner, WorkspaceName name, OffsetDateTime now) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.name = Objects.requireNonNull(name, "name").value();
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
    }

    public void rename(WorkspaceName newName, OffsetDateTime now) {
        this.name = Objects.requireNonNull(newName, "newName").value();
        this.updatedAt = now;
    }

    public boolean isOwnedBy(long userId) {
        return owner.getId() == userId;
    }

    public Long getId() {
        return id;
    }

    public User getOwner() {
        return owner;
    }

    public String getName() {
        return name;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
