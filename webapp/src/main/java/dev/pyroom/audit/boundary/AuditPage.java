package dev.pyroom.audit.boundary;

import dev.pyroom.audit.entity.AuditEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The admin's view of the latest audit entries. */
@Named
@RequestScoped
public class AuditPage {

    @Inject
    AuditLog auditLog;

    private List<AuditEntry> entries;

    public List<AuditEntry> getEntries() {
        if (entries == null) {
            entries = auditLog.latest();
        }
        return entries;
    }
}
