package dev.pyroom.audit.control;

import dev.pyroom.audit.entity.AuditEntry;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@Dependent
public class AuditRepository {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public void add(AuditEntry entry) {
        em.persist(entry);
    }

    public List<AuditEntry> latest(int limit) {
        return em.createNamedQuery(AuditEntry.LATEST, AuditEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
