package dev.pyroom.grading.entity;

import java.time.OffsetDateTime;
import java.util.List;

/** A check as its student sees it: hidden tests show their name, points and whether they passed, nothing more. */
public record StudentCheck(
        long id, OffsetDateTime checkedAt, CheckOutcome outcome, int score, int maxScore, List<TestResult> results) {

    public StudentCheck {
        results = results.stream().map(TestResult::forStudent).toList();
    }

    public long passedCount() {
        return results.stream().filter(TestResult::passed).count();
    }
}
