package dev.pyroom.audit.entity;

import java.time.LocalDate;

/**
 * What an admin looks for in the audit log; a blank or null part matches everything. Text parts match anywhere,
 * ignoring case; dates are whole days, both included, in the server's time zone.
 */
public record AuditQuery(String actor, String action, String target, LocalDate from, LocalDate to) {

    public static final AuditQuery EVERYTHING = new AuditQuery(null, null, null, null, null);
}
