package dev.pyroom.audit.control;

import dev.pyroom.audit.entity.AuditEntry;
import dev.pyroom.audit.entity.AuditQuery;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Dependent
public class AuditRepository {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public void add(AuditEntry entry) {
        em.persist(entry);
    }

    /** The entries matching the query, newest first, from {@code first}, at most {@code max}. */
    public List<AuditEntry> search(AuditQuery query, int first, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> select = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> entry = select.from(AuditEntry.class);
        select.where(matching(query, cb, entry)).orderBy(cb.desc(entry.get("occurredAt")), cb.desc(entry.get("id")));
        return em.createQuery(select).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(AuditQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> select = cb.createQuery(Long.class);
        Root<AuditEntry> entry = select.from(AuditEntry.class);
        select.select(cb.count(entry)).where(matching(query, cb, entry));
        return em.createQuery(select).getSingleResult();
    }

    private static Predicate[] matching(AuditQuery query, CriteriaBuilder cb, Root<AuditEntry> entry) {
        List<Predicate> parts = new ArrayList<>();
        containing(cb, entry, "actorName", query.actor(), parts);
        containing(cb, entry, "action", query.action(), parts);
        containing(cb, entry, "target", query.target(), parts);
        if (query.from() != null) {
            parts.add(cb.greaterThanOrEqualTo(entry.get("occurredAt"), startOf(query.from())));
        }
        if (query.to() != null) {
            parts.add(cb.lessThan(entry.get("occurredAt"), startOf(query.to().plusDays(1))));
        }
        return parts.toArray(Predicate[]::new);
    }

    private static void containing(
            CriteriaBuilder cb, Root<AuditEntry> entry, String field, String text, List<Predicate> parts) {
        if (text != null && !text.isBlank()) {
            String pattern = "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
            parts.add(cb.like(cb.lower(entry.get(field)), pattern, '\\'));
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
