package dev.pyroom.audit.boundary;

import dev.pyroom.audit.control.AuditRepository;
import dev.pyroom.audit.entity.AuditEntry;
import dev.pyroom.audit.entity.AuditQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The admin's reading of the audit log. */
@Stateless
@RolesAllowed("admin")
public class AuditLog {

    @Inject
    AuditRepository entries;

    /** The entries matching {@code query}, newest first, from {@code first}, at most {@code max}. */
    public List<AuditEntry> search(AuditQuery query, int first, int max) {
        return entries.search(query, first, max);
    }

    /** How many entries match {@code query} in all. */
    public long count(AuditQuery query) {
        return entries.count(query);
    }
}
