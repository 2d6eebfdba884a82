package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.control.AssignmentSnapshots;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Takes the snapshots of assignments that came due, every minute on every node; a lease lets one node act. */
@Singleton
public class ClassroomJobs {

    private static final Logger LOG = Logger.getLogger(ClassroomJobs.class.getName());

    @Inject
    AssignmentSnapshots snapshots;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void snapshotDueAssignments() {
        try {
            snapshots.takeDueSnapshots();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Assignment snapshots failed; they are tried again in a minute", e);
        }
    }
}
