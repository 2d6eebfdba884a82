package dev.pyroom.grading.boundary;

import dev.pyroom.grading.entity.TestTotals;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** The "Tests" column of a course's assignments: how many tests each has and their points, read once a request. */
@Named
@RequestScoped
public class TestTotalsPage {

    @Inject
    TestAuthoring authoring;

    @Inject
    CurrentUser currentUser;

    private Map<Long, TestTotals> totals;

    public TestTotals of(long courseId, long assignmentId) {
        if (totals == null) {
            totals = authoring.totals(currentUser.id(), courseId);
        }
        return totals.getOrDefault(assignmentId, TestTotals.NONE);
    }
}
