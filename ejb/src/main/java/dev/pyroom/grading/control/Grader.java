package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.CheckReport;
import dev.pyroom.grading.entity.TestKind;
import dev.pyroom.grading.entity.TestOutcome;
import dev.pyroom.grading.entity.TestResult;
import dev.pyroom.sandbox.control.DetachedSandbox;
import dev.pyroom.sandbox.control.NodeSandboxes;
import dev.pyroom.sandbox.control.Sandbox;
import dev.pyroom.sandbox.control.SandboxException;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.workspace.entity.WorkspaceFile;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Checks files against an assignment's tests in a sandbox opened for this check alone, so that nothing of one check
 * (nor of the student's session) is seen by the next, and closed after it: the I/O tests first, their expected outputs
 * kept here; then the sandbox's grader compiles the files as saved (a file that does not compile makes the whole check
 * "not compiled", whatever the I/O tests found) and runs the unit tests, in a process student code cannot read. When a
 * hidden I/O test ran and a visible unit test follows, the unit tests get a second fresh sandbox.
 */
@Dependent
public class Grader {

    @Inject
    NodeSandboxes sandboxes;

    /**
     * @param limits the course's limits for a run; a test's time limit may only shorten them
     */
    public CheckReport check(List<WorkspaceFile> files, List<AssignmentTest> tests, RunLimits limits) {
        try {
            return check(this::withinDetached, files, tests, limits);
        } catch (SandboxException e) {
            return allAs(tests, TestOutcome.CRASHED, "The sandbox for the check did not start.");
        }
    }

    /** Opens a sandbox around the files, does the work in it, and ends the sandbox after. */
    @FunctionalInterface
    interface FreshSandboxes {
        <T> T within(List<WorkspaceFile> files, Function<Sandbox, T> work);
    }

    static CheckReport check(
            FreshSandboxes fresh, List<WorkspaceFile> files, List<AssignmentTest> tests, RunLimits limits) {
        List<AssignmentTest> ioTests = visibleFirst(ofKind(tests, TestKind.IO));
        // Last: the unit tests' source passes through the sandbox's agent, which no program may be forked from after.
        List<AssignmentTest> unitTests = ofKind(tests, TestKind.UNIT);
        Function<Sandbox, GraderRun.Findings> runUnitTests =
                sandbox -> GraderRun.run(sandbox, pythonSources(files), unitTests, limits);
        if (hiddenInputCouldBeShown(ioTests, unitTests)) {
            // The student's code a hidden I/O test runs can leave its input in the workspace or /tmp, where the code a
            // visible unit test runs could print it: the unit tests get a sandbox of their own.
            Map<AssignmentTest, TestResult> ioResults =
                    fresh.within(files, sandbox -> runIoTests(sandbox, ioTests, limits));
            return report(tests, ioResults, unitTests, fresh.within(files, runUnitTests));
        }
        return fresh.within(
                files,
                sandbox -> report(tests, runIoTests(sandbox, ioTests, limits), unitTests, runUnitTests.apply(sandbox)));
    }

    private <T> T withinDetached(List<WorkspaceFile> files, Function<Sandbox, T> work) {
        DetachedSandbox opened = sandboxes.openDetached(files);
        try {
            return work.apply(opened.sandbox());
        } finally {
            // Every result is in: ending the sandbox need not hold up the student's answer.
            sandboxes.closeLater(opened);
        }
    }

    private static boolean hiddenInputCouldBeShown(List<AssignmentTest> ioTests, List<AssignmentTest> unitTests) {
        return ioTests.stream().anyMatch(test -> !test.visible())
                && unitTests.stream().anyMatch(AssignmentTest::visible);
    }

    private static Map<AssignmentTest, TestResult> runIoTests(
            Sandbox sandbox, List<AssignmentTest> ioTests, RunLimits limits) {
        Map<AssignmentTest, TestResult> results = new HashMap<>();
        for (AssignmentTest test : ioTests) {
            results.put(test, IoTestRun.run(sandbox, test, limitsFor(test, limits)));
        }
        return results;
    }

    private static CheckReport report(
            List<AssignmentTest> tests,
            Map<AssignmentTest, TestResult> ioResults,
            List<AssignmentTest> unitTests,
            GraderRun.Findings findings) {
        if (findings.notCompiled().isPresent()) {
            return allAs(tests, TestOutcome.NOT_COMPILED, findings.notCompiled().get());
        }
        if (!findings.finished() && unitTests.isEmpty()) {
            return allAs(tests, TestOutcome.CRASHED, "The grader stopped before it had compiled the files.");
        }
        Map<AssignmentTest, TestResult> results = new HashMap<>(ioResults);
        for (int index = 0; index < unitTests.size(); index++) {
            results.put(unitTests.get(index), findings.unitResults().get(index));
        }
        return CheckReport.of(tests.stream().map(results::get).toList());
    }

    /** The Python files as the student saved them, which the grader compiles before any of its tests run. */
    private static Map<String, String> pythonSources(List<WorkspaceFile> files) {
        Map<String, String> sources = new TreeMap<>();
        for (WorkspaceFile file : files) {
            if (file.getKind() == WorkspaceFile.Kind.FILE
                    && file.getPath().value().endsWith(".py")) {
                sources.put(file.getPath().value(), file.getContent());
            }
        }
        return sources;
    }

    private static CheckReport allAs(List<AssignmentTest> tests, TestOutcome outcome, String message) {
        return CheckReport.of(tests.stream()
                .map(test -> TestResult.of(test, outcome, message))
                .toList());
    }

    private static List<AssignmentTest> ofKind(List<AssignmentTest> tests, TestKind kind) {
        return tests.stream().filter(test -> test.kind() == kind).toList();
    }

    /**
     * The order in which tests run (results keep the assignment's order): the student's code a test runs can leave
     * what it was given behind, in its files or in the process the unit tests share, so no visible test, whose output
     * the student sees, runs after a hidden test of its kind.
     */
    static List<AssignmentTest> visibleFirst(List<AssignmentTest> tests) {
        return tests.stream()
                .sorted(Comparator.comparing(AssignmentTest::visible).reversed())
                .toList();
    }

    /** The course's limits, with the test's time limit where that is shorter. */
    static RunLimits limitsFor(AssignmentTest test, RunLimits limits) {
        Duration wall = test.timeLimit().compareTo(limits.wallTime()) < 0 ? test.timeLimit() : limits.wallTime();
        Duration cpu = wall.compareTo(limits.cpuTime()) < 0 ? wall : limits.cpuTime();
        return limits.withWallTime(wall).withCpuTime(cpu);
    }
}
