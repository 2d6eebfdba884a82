package dev.pyroom.audit.boundary;

import dev.pyroom.audit.control.AuditRepository;
import dev.pyroom.audit.entity.AuditEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

@Stateless
@RolesAllowed("admin")
public class AuditLog {

    private static final int PAGE_SIZE = 100;

    @Inject
    AuditRepository entries;

    /** The most recent entries, newest first. */
    public List<AuditEntry> latest() {
        return entries.latest(PAGE_SIZE);
    }
}
