package dev.pyroom.grading.boundary;

import dev.pyroom.classroom.control.Assignments;
import dev.pyroom.classroom.control.CourseRunLimits;
import dev.pyroom.grading.control.AssignmentTests;
import dev.pyroom.grading.control.CheckJson;
import dev.pyroom.grading.control.SnapshotGrades;
import dev.pyroom.grading.control.SnapshotWork;
import dev.pyroom.grading.entity.CheckReport;
import dev.pyroom.grading.entity.SnapshotClaim;
import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.WorkspaceFile;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The database side of grading snapshots, each step in a short transaction of its own. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class GradingBookkeeping {

    /** Long enough for any one snapshot's tests; a node that dies leaves its snapshot to others after it. */
    static final Duration CLAIM = Duration.ofMinutes(15);

    @Inject
    SnapshotGrades grades;

    @Inject
    Assignments assignments;

    @Inject
    AssignmentTests tests;

    @Inject
    CourseRunLimits runLimits;

    /** The next snapshot that waits for a grade, claimed for this node; empty when none waits. */
    public Optional<SnapshotWork> claimNext() {
        return grades.claimDue(1, CLAIM).stream().findFirst().map(this::work);
    }

    public void store(long copyId, OffsetDateTime gradedAt, CheckReport report) {
        grades.store(
                copyId,
                gradedAt,
                report.outcome(),
                report.score(),
                report.maxScore(),
                CheckJson.write(report.results()));
    }

    /** Gives up a claim without a grade, so that the next look at the waiting snapshots takes it again. */
    public void release(long copyId) {
        grades.release(copyId);
    }

    private SnapshotWork work(SnapshotClaim claim) {
        long copyId = claim.copyId();
        long assignmentId = assignments.assignmentOfCopy(copyId).orElseThrow();
        long courseId = assignments.courseOf(assignmentId).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now();
        var files = assignments.snapshotFiles(copyId).stream()
                .map(file -> WorkspaceFile.unstored(new FilePath(file.path()), file.content(), now))
                .toList();
        return new SnapshotWork(
                copyId, claim.claimedAt(), files, tests.of(assignmentId), runLimits.forCourse(courseId));
    }
}
