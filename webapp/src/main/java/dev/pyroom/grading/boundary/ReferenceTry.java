package dev.pyroom.grading.boundary;

import dev.pyroom.grading.entity.CheckOutcome;
import dev.pyroom.grading.entity.CheckReport;
import dev.pyroom.grading.entity.TestOutcome;
import dev.pyroom.grading.entity.TestResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a try of the tests against the instructor's reference solution found, as the tests page shows it: every test in
 * full, hidden ones too, and a flag on each test the reference fails.
 *
 * @param usedSavedTests whether the page showed unsaved changes, which the try did not run
 */
public record ReferenceTry(CheckReport report, boolean usedSavedTests) {

    /** Outcomes that blame the reference or the test; a test the grader could not judge says nothing of either. */
    private static final Set<TestOutcome> FAILING =
            EnumSet.of(TestOutcome.FAILED, TestOutcome.ERROR, TestOutcome.TIMEOUT);

    /** One row of the result table. */
    public record Row(TestResult result) {

        public String outcome() {
            return switch (result.outcome()) {
                case PASSED -> "Passed";
                case FAILED -> "Failed";
                case ERROR -> "Error";
                case TIMEOUT -> "Timed out";
                case NOT_COMPILED -> "Not compiled";
                case CRASHED -> "Not judged";
            };
        }

        public boolean failsReference() {
            return FAILING.contains(result.outcome());
        }

        /** Expected and actual output of a test that did not pass, where the test compares one with the other. */
        public boolean showsComparison() {
            return !result.passed() && result.expected() != null && result.actual() != null;
        }

        public String styleClass() {
            return "outcome-" + result.outcome().name().toLowerCase() + (failsReference() ? " fails-reference" : "");
        }
    }

    public List<Row> rows() {
        return report.results().stream().map(Row::new).toList();
    }

    public boolean notCompiled() {
        return report.outcome() == CheckOutcome.NOT_COMPILED;
    }

    public boolean graderFailed() {
        return report.outcome() == CheckOutcome.GRADER_FAILED;
    }

    /** Why the reference does not compile, with the compiler's output. */
    public TestResult compileFailure() {
        return report.results().stream()
                .filter(result -> result.outcome() == TestOutcome.NOT_COMPILED)
                .findFirst()
                .orElse(null);
    }

    /** "The reference passes 2 of 3 tests · 3/5 points." */
    public String summary() {
        int tests = report.results().size();
        return "Your reference solution passes " + report.passedCount() + " of " + tests
                + (tests == 1 ? " test" : " tests") + " · " + report.score() + "/" + report.maxScore()
                + (report.maxScore() == 1 ? " point." : " points.");
    }

    /** How many tests the reference fails, as a call to act; empty when it fails none. */
    public String flagSummary() {
        long failing = report.results().stream()
                .filter(result -> FAILING.contains(result.outcome()))
                .count();
        if (failing == 0) {
            return "";
        }
        return failing == 1
                ? "One test fails your reference solution: fix it or the solution before students meet it."
                : failing + " tests fail your reference solution: fix them or the solution before students meet them.";
    }
}
