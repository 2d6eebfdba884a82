package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.CheckReport;
import dev.pyroom.grading.entity.TestKind;
import dev.pyroom.grading.entity.TestOutcome;
import dev.pyroom.grading.entity.TestResult;
import dev.pyroom.sandbox.control.DetachedSandbox;
import dev.pyroom.sandbox.control.NodeSandboxes;
import dev.pyroom.sandbox.control.SandboxException;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.workspace.entity.WorkspaceFile;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Checks files against an assignment's tests in a sandbox opened for this check alone, so that nothing of one check
 * (nor of the student's session) is seen by the next. Expected outputs stay here; the sandbox sees only what a run
 * needs.
 */
@Dependent
public class Grader {

    @Inject
    NodeSandboxes sandboxes;

    /**
     * @param limits the course's limits for a run; a test's time limit may only shorten them
     */
    public CheckReport check(List<WorkspaceFile> files, List<AssignmentTest> tests, RunLimits limits) {
        try (DetachedSandbox opened = sandboxes.openDetached(files)) {
            List<TestResult> results = tests.stream()
                    .map(test -> test.kind() == TestKind.IO
                            ? IoTestRun.run(opened.sandbox(), test, limitsFor(test, limits))
                            : TestResult.of(test, TestOutcome.CRASHED, "Unit tests cannot run yet."))
                    .toList();
            return CheckReport.of(results);
        } catch (SandboxException e) {
            return CheckReport.of(tests.stream()
                    .map(test -> TestResult.of(test, TestOutcome.CRASHED, "The sandbox for the check did not start."))
                    .toList());
        }
    }

    /** The course's limits, with the test's time limit where that is shorter. */
    static RunLimits limitsFor(AssignmentTest test, RunLimits limits) {
        Duration wall = test.timeLimit().compareTo(limits.wallTime()) < 0 ? test.timeLimit() : limits.wallTime();
        Duration cpu = wall.compareTo(limits.cpuTime()) < 0 ? wall : limits.cpuTime();
        return limits.withWallTime(wall).withCpuTime(cpu);
    }
}
