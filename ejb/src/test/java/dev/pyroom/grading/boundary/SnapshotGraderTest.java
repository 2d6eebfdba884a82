package dev.pyroom.grading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyroom.grading.control.Grader;
import dev.pyroom.grading.control.GradingSettings;
import dev.pyroom.grading.control.SnapshotWork;
import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.CheckReport;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.workspace.entity.WorkspaceFile;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The grader's workers, with the database and the sandboxes stood in for: every waiting snapshot gets its grade. */
@Timeout(60) // the executor runs each task on the caller's thread: a worker that starts workers without end hangs
class SnapshotGraderTest {

    private final Deque<Long> waiting = new ArrayDeque<>();
    private final List<Long> graded = new ArrayList<>();
    private final List<Long> released = new ArrayList<>();
    private final Set<Long> breaksOnce = new HashSet<>();
    private int tasksToDrop;
    private int places = 2;

    private final SnapshotGrader grader = new SnapshotGrader();

    @BeforeEach
    void wire() {
        grader.executor = (ManagedExecutorService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (tasksToDrop > 0) {
                        tasksToDrop--;
                    } else {
                        ((Runnable) args[0]).run();
                    }
                    return null;
                });
        grader.bookkeeping = new Bookkeeping();
        grader.grader = new Grader() {
            @Override
            public CheckReport check(List<WorkspaceFile> files, List<AssignmentTest> tests, RunLimits limits) {
                return CheckReport.of(List.of());
            }
        };
        grader.settings = new GradingSettings() {
            @Override
            public int parallelGrading() {
                return places;
            }
        };
    }

    @Test
    void workersTheExecutorDroppedUnrunDoNotKeepLaterSnapshotsFromTheirGrade() {
        tasksToDrop = 2;
        grader.gradeWaiting();
        waiting.add(7L);

        grader.gradeWaiting();

        assertEquals(List.of(7L), graded);
    }

    @Test
    void aSnapshotWhoseGradingBrokeIsReleasedAndGradedAtTheNextLook() {
        places = 1;
        waiting.addAll(List.of(1L, 2L));
        breaksOnce.add(1L);

        grader.gradeWaiting();
        assertEquals(List.of(1L), released);
        assertEquals(List.of(), graded);

        grader.gradeWaiting();
        assertEquals(List.of(2L, 1L), graded);
    }

    /** Claims take waiting snapshots in turn; a released one waits again, at the end. */
    private final class Bookkeeping extends GradingBookkeeping {

        @Override
        public Optional<SnapshotWork> claimNext() {
            return Optional.ofNullable(waiting.poll())
                    .map(copy ->
                            new SnapshotWork(copy, OffsetDateTime.now(), List.of(), List.of(), RunLimits.DEFAULTS));
        }

        @Override
        public void store(long copyId, OffsetDateTime gradedAt, CheckReport report) {
            if (breaksOnce.remove(copyId)) {
                throw new IllegalStateException("the database went away");
            }
            graded.add(copyId);
        }

        @Override
        public void release(long copyId) {
            released.add(copyId);
            waiting.add(copyId);
        }
    }
}
