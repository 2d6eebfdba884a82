package dev.pyroom.grading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.OutputComparison;
import dev.pyroom.grading.entity.TestKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestDraftTest {

    @Test
    void anIoTestKeepsItsTextsAsTypedWithLineBreaksAsTheInstructorSawThem() {
        TestDraft draft = TestDraft.newTest(TestKind.IO, "sums", "");
        draft.setStdin("2 3\r\n");
        draft.setExpectedOutput("\r\n  5  \r\n\r\n");
        draft.setArguments("--verbose\r\n\r\nlast\r\n");
        draft.setTimeLimit(" 1,5 ");

        AssignmentTest test = draft.toTest(1);

        assertEquals("2 3\n", test.stdin());
        assertEquals("\n  5  \n\n", test.expectedOutput());
        assertEquals(List.of("--verbose", "", "last"), test.arguments());
        assertEquals(Duration.ofMillis(1500), test.timeLimit());
    }

    @Test
    void aUnitTestKeepsNoneOfTheIoFieldsAndAToleranceCountsOnlyForNumbers() {
        TestDraft unit = TestDraft.newTest(TestKind.UNIT, "pure", TestsPage.UNIT_TEST_TEMPLATE);
        unit.setStdin("ignored");
        unit.setTolerance("0.5");
        TestDraft trimmed = TestDraft.newTest(TestKind.IO, "trimmed", "");
        trimmed.setTolerance("0.5");

        assertEquals("", unit.toTest(1).stdin());
        assertEquals(TestsPage.UNIT_TEST_TEMPLATE, unit.toTest(1).source());
        assertEquals(0, trimmed.toTest(2).tolerance());
    }

    @Test
    void aStoredTestReadsBackAsTheSameTest() {
        AssignmentTest stored = new AssignmentTest(
                7L,
                "near",
                TestKind.IO,
                4,
                Duration.ofMillis(2500),
                false,
                "calc.py",
                List.of("a b", "c"),
                "1\n",
                "3.14\n",
                OutputComparison.NUMERIC,
                0.001,
                "");

        TestDraft draft = TestDraft.of(stored);

        assertEquals("2.5", draft.getTimeLimit());
        assertEquals("0.001", draft.getTolerance());
        assertEquals("I/O test · 4 points · 2.5 s · hidden", draft.getSummary());
        AssignmentTest again = draft.toTest(1);
        assertEquals(stored.arguments(), again.arguments());
        assertEquals(stored.tolerance(), again.tolerance());
        assertEquals(stored.timeLimit(), again.timeLimit());
        assertEquals(stored.entryFile(), again.entryFile());
    }

    @Test
    void aValueThatIsNoNumberIsRefusedNamingTheTest() {
        TestDraft draft = TestDraft.newTest(TestKind.IO, "sums", "");
        draft.setPoints("two");
        assertEquals(
                "Test 3 (sums): Points are a whole number, such as 1 or 10.",
                assertThrows(InvalidCourseException.class, () -> draft.toTest(3))
                        .getMessage());

        draft.setPoints("2");
        draft.setTimeLimit("-1");
        assertEquals(
                "Test 3 (sums): A test's time limit lies between 0.1 seconds and 10 minutes.",
                assertThrows(InvalidCourseException.class, () -> draft.toTest(3))
                        .getMessage());

        draft.setTimeLimit("1e40");
        assertThrows(InvalidCourseException.class, () -> draft.toTest(3));
        draft.setTimeLimit("soon");
        assertEquals(
                "Test 3 (sums): The time limit is a number of seconds, such as 2 or 0.5.",
                assertThrows(InvalidCourseException.class, () -> draft.toTest(3))
                        .getMessage());
    }

    @Test
    void anEmptyLimitOfChecksIsNoLimitAndAnythingButAWholeNumberIsRefused() {
        assertNull(DraftNumbers.attempts("  "));
        assertEquals(3, DraftNumbers.attempts(" 3 "));
        assertThrows(InvalidCourseException.class, () -> DraftNumbers.attempts("three"));
    }
}
