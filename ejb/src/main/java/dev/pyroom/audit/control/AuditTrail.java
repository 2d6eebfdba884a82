package dev.pyroom.audit.control;

import dev.pyroom.audit.entity.AuditEntry;
import dev.pyroom.identity.entity.User;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/** Writes audit entries inside the caller's transaction, so an action and its record commit together. */
@Dependent
public class AuditTrail {

    @Inject
    AuditRepository entries;

    public void record(User actor, String action, String target, String detail) {
        entries.add(new AuditEntry(actor.getId(), actor.getUsername(), action, target, detail, OffsetDateTime.now()));
    }
}
