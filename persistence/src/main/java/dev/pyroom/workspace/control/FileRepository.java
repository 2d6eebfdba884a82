package dev.pyroom.workspace.control;

import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.WorkspaceFile;
import dev.pyroom.workspace.entity.WorkspaceUsage;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@Dependent
public class FileRepository {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /** Every folder and file of the workspace, parents before children. */
    public List<WorkspaceFile> inWorkspace(long workspaceId) {
        return em.createNamedQuery(WorkspaceFile.IN_WORKSPACE, WorkspaceFile.class)
                .setParameter("workspaceId", workspaceId)
                .getResultList();
    }

    public Optional<WorkspaceFile> find(long workspaceId, FilePath path) {
        return em.createNamedQuery(WorkspaceFile.BY_PATH, WorkspaceFile.class)
                .setParameter("workspaceId", workspaceId)
                .setParameter("path", path.value())
                .getResultStream()
                .findFirst();
    }

    /** As {@link #find}, locking the row until the transaction ends: a concurrent save is waited for, then seen. */
    public Optional<WorkspaceFile> findForUpdate(long workspaceId, FilePath path) {
        return em.createNamedQuery(WorkspaceFile.BY_PATH, WorkspaceFile.class)
                .setParameter("workspaceId", workspaceId)
                .setParameter("path", path.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    public void add(WorkspaceFile file) {
        em.persist(file);
    }

    public void remove(WorkspaceFile file) {
        em.remove(file);
    }

    public WorkspaceUsage usage(long workspaceId) {
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT count(*), coalesce(sum(size_bytes), 0) FROM workspace_file WHERE workspace_id = ?1")
                .setParameter(1, workspaceId)
                .getSingleResult();
        return new WorkspaceUsage(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
    }
}
