package dev.pyroom.classroom.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.classroom.control.CourseRunLimits;
import dev.pyroom.classroom.control.ServerLimitsRepository;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.classroom.entity.ServerLimits;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.sandbox.entity.RunLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The server-wide run defaults and maximums an admin sets, within the configured bounds. */
@Stateless
@RolesAllowed("admin")
public class ServerRunLimits {

    @Inject
    CourseRunLimits runLimits;

    @Inject
    ServerLimitsRepository repository;

    @Inject
    UserRepository users;

    @Inject
    AuditTrail audit;

    /** What the admin set; null fields keep the configured values. */
    public ServerLimits get() {
        return runLimits.stored();
    }

    /** The configured limits: the starting values and the most an admin may set. */
    public RunLimits configured() {
        return runLimits.configured();
    }

    /**
     * Stores new server-wide limits; runs started from now on, on every node, are held to them.
     *
     * @throws InvalidCourseException when a value is above the configured bound
     */
    public void set(long callerId, ServerLimits limits) {
        runLimits.requireWithinConfiguration(limits);
        repository.save(limits);
        audit.record(users.get(callerId), "server.limits", "run limits", limits.toString());
    }
}
