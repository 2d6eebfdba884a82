package dev.pyroom.classroom.control;

import dev.pyroom.grading.control.AssignmentTests;
import dev.pyroom.grading.control.SnapshotGrades;
import dev.pyroom.grading.entity.GradesRequested;
import dev.pyroom.platform.control.LeaseRepository;
import dev.pyroom.platform.control.NodeIdentity;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Keeps the files of every copy of an assignment at its due date, and asks for them to be graded where the assignment
 * has tests; one node at a time, by lease.
 */
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
    AssignmentTests tests;

    @Inject
    SnapshotGrades grades;

    @Inject
    Event<GradesRequested> gradesRequested;

    @Inject
    NodeIdentity node;

    public void takeDueSnapshots() {
        if (!leases.tryAcquire(LEASE, node.id(), LEASE_TTL)) {
            return;
        }
        for (long assignmentId : assignments.dueWithoutSnapshot()) {
            assignments.snapshot(assignmentId);
            if (!tests.of(assignmentId).isEmpty()) {
                grades.request(assignmentId);
                gradesRequested.fire(new GradesRequested(assignmentId));
            }
            LOG.info(() -> "Took the due-date snapshot of assignment " + assignmentId);
        }
    }
}
