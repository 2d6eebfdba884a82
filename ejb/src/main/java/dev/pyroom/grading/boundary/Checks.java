package dev.pyroom.grading.boundary;

import dev.pyroom.classroom.control.Assignments;
import dev.pyroom.classroom.control.CourseRunLimits;
import dev.pyroom.grading.control.AssignmentTests;
import dev.pyroom.grading.control.CheckAdmission;
import dev.pyroom.grading.control.CheckJson;
import dev.pyroom.grading.control.Grader;
import dev.pyroom.grading.control.TestChecks;
import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.CheckReport;
import dev.pyroom.grading.entity.StoredCheck;
import dev.pyroom.grading.entity.StudentCheck;
import dev.pyroom.workspace.boundary.WorkspaceNotFoundException;
import dev.pyroom.workspace.control.FileRepository;
import dev.pyroom.workspace.control.WorkspaceRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A student checking their copy of an assignment against its tests. Callers pass the id of the user the container
 * authenticated; the ownership check here is the authorization. No transaction is held while a check runs.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Checks {

    static final int HISTORY_LENGTH = 20;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    FileRepository files;

    @Inject
    Assignments assignments;

    @Inject
    AssignmentTests tests;

    @Inject
    TestChecks checks;

    @Inject
    CourseRunLimits limits;

    @Inject
    CheckAdmission admission;

    @Inject
    Grader grader;

    @EJB
    CheckRecords records;

    /**
     * Checks the files of the owner's workspace, as last saved, against every test of its assignment, and keeps the
     * result.
     *
     * @throws WorkspaceNotFoundException when the owner has no such workspace
     * @throws NoTestsException when the workspace is no copy of an assignment with tests
     * @throws CheckRefusedException when the workspace is being checked, or the node is too busy to check it now
     */
    public StudentCheck check(long ownerId, long workspaceId) {
        long assignmentId = assignmentOf(ownerId, workspaceId);
        List<AssignmentTest> assignmentTests = tests.of(assignmentId);
        if (assignmentTests.isEmpty()) {
            throw new NoTestsException();
        }
        Optional<Integer> maxAttempts = tests.maxAttempts(assignmentId);
        try (CheckAdmission.Turn turn = admission.enter(workspaceId)) {
            if (maxAttempts.isPresent() && checks.attempts(assignmentId, ownerId) >= maxAttempts.get()) {
                throw CheckRefusedException.noAttemptsLeft(maxAttempts.get());
            }
            OffsetDateTime at = OffsetDateTime.now();
            CheckReport report =
                    grader.check(files.inWorkspace(workspaceId), assignmentTests, limits.forWorkspace(workspaceId));
            long id = records.store(assignmentId, ownerId, workspaceId, at, report);
            return new StudentCheck(id, at, report.outcome(), report.score(), report.maxScore(), report.results());
        }
    }

    /**
     * How many more checks the owner may make of the workspace's assignment; empty when they are not limited. A check
     * whose files did not compile is no attempt.
     */
    public Optional<Long> attemptsLeft(long ownerId, long workspaceId) {
        long assignmentId = assignmentOf(ownerId, workspaceId);
        return tests.maxAttempts(assignmentId).map(max -> Math.max(0, max - checks.attempts(assignmentId, ownerId)));
    }

    /** Whether the owner's workspace has tests to check it against: whether the editor offers Check. */
    public boolean hasTests(long ownerId, long workspaceId) {
        workspaces.findOwned(ownerId, workspaceId).orElseThrow(() -> new WorkspaceNotFoundException(workspaceId));
        return assignments
                .assignmentOfWorkspace(workspaceId)
                .map(id -> !tests.of(id).isEmpty())
                .orElse(false);
    }

    /** The owner's checks of the workspace's assignment, newest first. */
    public List<StudentCheck> history(long ownerId, long workspaceId) {
        long assignmentId = assignmentOf(ownerId, workspaceId);
        return checks.history(assignmentId, ownerId, HISTORY_LENGTH).stream()
                .map(Checks::forStudent)
                .toList();
    }

    private long assignmentOf(long ownerId, long workspaceId) {
        workspaces.findOwned(ownerId, workspaceId).orElseThrow(() -> new WorkspaceNotFoundException(workspaceId));
        return assignments.assignmentOfWorkspace(workspaceId).orElseThrow(NoTestsException::new);
    }

    private static StudentCheck forStudent(StoredCheck check) {
        return new StudentCheck(
                check.id(),
                check.checkedAt(),
                check.outcome(),
                check.score(),
                check.maxScore(),
                CheckJson.read(check.resultsJson()));
    }
}
