package dev.pyroom.workspace.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A folder or a text file inside a workspace. */
@Entity
@Table(name = "workspace_file")
@NamedQuery(
        name = WorkspaceFile.IN_WORKSPACE,
        query = "select f from WorkspaceFile f where f.workspace.id = :workspaceId order by f.path")
@NamedQuery(
        name = WorkspaceFile.BY_PATH,
        query = "select f from WorkspaceFile f where f.workspace.id = :workspaceId and f.path = :path")
public class WorkspaceFile {

    public static final String IN_WORKSPACE = "WorkspaceFile.inWorkspace";
    public static final String BY_PATH = "WorkspaceFile.byPath";

    /** The most a single file may hold; the database enforces the same bound. */
    public static final int MAX_SIZE_BYTES = 1024 * 1024;

    public enum Kind {
        FILE,
        FOLDER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "workspace_id", updatable = false)
    private Workspace workspace;

    @Column(nullable = false)
    private String path;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    private String content;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected WorkspaceFile() {}

    private WorkspaceFile(Workspace workspace, FilePath path, Kind kind, String content, OffsetDateTime now) {
        this.workspace = workspace;
        this.path = Objects.requireNonNull(path, "path").value();
        this.kind = kind;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
        if (kind == Kind.FILE) {
            write(content, now);
        }
    }

    public static WorkspaceFile file(Workspace workspace, FilePath path, String content, OffsetDateTime now) {
        return new WorkspaceFile(Objects.requireNonNull(workspace, "workspace"), path, Kind.FILE, content, now);
    }

    public static WorkspaceFile folder(Workspace workspace, FilePath path, OffsetDateTime now) {
        return new WorkspaceFile(Objects.requireNonNull(workspace, "workspace"), path, Kind.FOLDER, null, now);
    }

    /**
     * A file of no workspace, never stored (the database refuses it): a due-date snapshot's file, written into a
     * sandbox to be graded.
     */
    public static WorkspaceFile unstored(FilePath path, String content, OffsetDateTime now) {
        return new WorkspaceFile(null, path, Kind.FILE, content, now);
    }

    public void write(String newContent, OffsetDateTime now) {
        if (kind != Kind.FILE) {
            throw new IllegalStateException("a folder has no content: " + path);
        }
        Objects.requireNonNull(newContent, "newContent");
        int size = newContent.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_SIZE_BYTES) {
            throw new FileTooLargeException(path, size, MAX_SIZE_BYTES);
        }
        this.content = newContent;
        this.sizeBytes = size;
        this.updatedAt = now;
    }

    /** Gives the file or folder another path; moving a folder's contents along is the caller's job. */
    public void moveTo(FilePath newPath, OffsetDateTime now) {
        this.path = Objects.requireNonNull(newPath, "newPath").value();
        this.updatedAt = Objects.requireNonNull(now, "now");
    }

    public Long getId() {
        return id;
    }

    public Workspace getWorkspace() {
        return workspace;
    }

    public FilePath getPath() {
        return new FilePath(path);
    }

    public Kind getKind() {
        return kind;
    }

    public String getContent() {
        return content;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
