package dev.pyroom.grading.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.OutputComparison;
import dev.pyroom.grading.entity.TestKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestRulesTest {

    @Test
    void aTimeLimitUpToTheCoursesWallTimeIsTaken() {
        assertDoesNotThrow(() -> TestRules.requireValid(
                List.of(test("sums", Duration.ofSeconds(3)), test("greets", Duration.ofMillis(500))),
                Duration.ofSeconds(3)));
    }

    @Test
    void aTimeLimitLongerThanTheCoursesWallTimeIsRefusedNamingTheTestAndTheCoursesLimit() {
        InvalidCourseException refused = assertThrows(
                InvalidCourseException.class,
                () -> TestRules.requireValid(
                        List.of(test("greets", Duration.ofSeconds(1)), test("sums", Duration.ofMillis(4500))),
                        Duration.ofSeconds(3)));

        assertEquals(
                "Test 2 (sums): The time limit of 4.5 s is longer than a program may run in this course: at most 3 s"
                        + " (the course's run limits).",
                refused.getMessage());
    }

    @Test
    void twoTestsOfOneNameAreRefused() {
        InvalidCourseException refused = assertThrows(
                InvalidCourseException.class,
                () -> TestRules.requireValid(
                        List.of(test("sums", Duration.ofSeconds(1)), test("sums", Duration.ofSeconds(1))),
                        Duration.ofSeconds(3)));

        assertEquals("Two tests are named \"sums\": give each its own name.", refused.getMessage());
    }

    private static AssignmentTest test(String name, Duration timeLimit) {
        return new AssignmentTest(
                null,
                name,
                TestKind.IO,
                1,
                timeLimit,
                true,
                null,
                List.of(),
                "",
                "5\n",
                OutputComparison.TRIMMED,
                0,
                null);
    }
}
