package dev.pyroom.grading.entity;

import java.util.List;

/** The results of one check of a student's files against every test of the assignment. */
public record CheckReport(CheckOutcome outcome, List<TestResult> results) {

    public CheckReport {
        results = List.copyOf(results);
    }

    /** A report whose outcome follows from its results: not compiled, the grader failing, or graded. */
    public static CheckReport of(List<TestResult> results) {
        CheckOutcome outcome = CheckOutcome.GRADED;
        if (results.stream().anyMatch(result -> result.outcome() == TestOutcome.NOT_COMPILED)) {
            outcome = CheckOutcome.NOT_COMPILED;
        } else if (results.stream().anyMatch(result -> result.outcome() == TestOutcome.CRASHED)) {
            outcome = CheckOutcome.GRADER_FAILED;
        }
        return new CheckReport(outcome, results);
    }

    public int score() {
        return results.stream().mapToInt(TestResult::earned).sum();
    }

    public int maxScore() {
        return results.stream().mapToInt(TestResult::points).sum();
    }

    public long passedCount() {
        return results.stream().filter(TestResult::passed).count();
    }
}
