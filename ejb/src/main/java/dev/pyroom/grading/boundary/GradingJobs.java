package dev.pyroom.grading.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Looks every minute, on every node, for snapshots that wait for a grade: those a node left behind when it stopped,
 * or whose request came while this node's graders were busy.
 */
@Singleton
public class GradingJobs {

    @Inject
    SnapshotGrader grader;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void gradeWaitingSnapshots() {
        grader.gradeWaiting();
    }
}
