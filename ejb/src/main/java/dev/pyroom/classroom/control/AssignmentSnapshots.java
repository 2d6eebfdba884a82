package dev.pyroom.classroom.control;

import dev.pyroom.platform.control.LeaseRepository;
import dev.pyroom.platform.control.NodeIdentity;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/** Keeps the files of every copy of an assignment at its due date; one node at a time, by lease. */
@Dependent
public class AssignmentSnapshots {

    private static final Logger LOG = Logger.getLogger(AssignmentSnapshots.class.getName());
    static final String LEASE = "assignment-snapshots";
    private static final Duration LEASE_TTL = Duration.ofSeconds(50);

    @Inject
    Assignments assignments;

    @Inject
    LeaseRepository leases;

    @Inject
    NodeIdentity node;

    public void takeDueSnapshots() {
        if (!leases.tryAcquire(LEASE, node.id(), LEASE_TTL)) {
            return;
        }
        for (long assignmentId : assignments.dueWithoutSnapshot()) {
            assignments.snapshot(assignmentId);
            LOG.info(() -> "Took the due-date snapshot of assignment " + assignmentId);
        }
    }
}
