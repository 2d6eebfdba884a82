package dev.pyroom.workspace.control;

import dev.pyroom.workspace.entity.InvalidNameException;
import dev.pyroom.workspace.entity.Workspace;
import dev.pyroom.workspace.entity.WorkspaceFile;
import dev.pyroom.workspace.entity.WorkspaceName;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Dependent
public class WorkspaceRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public List<Workspace> findByOwner(long ownerId) {
        return em.createNamedQuery(Workspace.FIND_BY_OWNER, Workspace.class)
                .setParameter("ownerId", ownerId)
                .getResultList();
    }

    /** The workspace whoever owns it, for work the system does on its own, such as syncing a sandbox back. */
    public Optional<Workspace> find(long workspaceId) {
        return Optional.ofNullable(em.find(Workspace.class, workspaceId));
    }

    /** The workspace, only if it belongs to that owner: callers never learn that another user's exists. */
    public Optional<Workspace> findOwned(long ownerId, long workspaceId) {
        return Optional.ofNullable(em.find(Workspace.class, workspaceId)).filter(w -> w.isOwnedBy(ownerId));
    }

    /** Whether the owner already has a workspace of that name, other than {@code exceptId}, ignoring case. */
    public boolean nameTaken(long ownerId, WorkspaceName name, long exceptId) {
        return em.createNamedQuery(Workspace.COUNT_BY_OWNER_AND_NAME, Long.class)
                        .setParameter("ownerId", ownerId)
                        .setParameter("name", name.value())
                        .setParameter("exceptId", exceptId)
                        .getSingleResult()
                > 0;
    }

    /**
     * Stores a new or renamed workspace at once, so that it has its id and a name taken a moment ago by a concurrent
     * request is refused here, with a message for the user.
     */
    public void save(Workspace workspace) {
        try {
            if (workspace.getId() == null) {
                em.persist(workspace);
            }
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new InvalidNameException("You already have a workspace called \"" + workspace.getName() + "\".");
            }
            throw e;
        }
    }

    public void add(WorkspaceFile file) {
        em.persist(file);
    }

    public void remove(Workspace workspace) {
        em.remove(workspace);
    }

    private static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
