package dev.pyroom.grading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyroom.grading.entity.AssignmentTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraderTest {

    @Test
    void runsTheVisibleTestsBeforeTheHiddenOnesEachInTheAssignmentsOrder() {
        List<AssignmentTest> tests =
                List.of(test(1, false), test(2, true), test(3, false), test(4, true), test(5, true));

        List<Long> order =
                Grader.visibleFirst(tests).stream().map(AssignmentTest::id).toList();

        assertEquals(List.of(2L, 4L, 5L, 1L, 3L), order);
    }

    private static AssignmentTest test(long id, boolean visible) {
        return AssignmentTests.io(id, "test " + id, 1, visible, "", "");
    }
}
