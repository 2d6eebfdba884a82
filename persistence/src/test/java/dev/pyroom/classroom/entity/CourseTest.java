package dev.pyroom.classroom.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CourseTest {

    @Test
    void aNewCourseHasATrimmedNameAndAReadableJoinCode() {
        Course course = new Course("  Python 1 ", "Spring 2027", OffsetDateTime.now());

        assertEquals("Python 1", course.getName());
        assertTrue(course.getJoinCode().matches("[A-HJ-NP-Z2-9]{8}"), course.getJoinCode());
        assertNotEquals(
                course.getJoinCode(), new Course("Python 1", "Spring 2027", OffsetDateTime.now()).getJoinCode());
    }

    @Test
    void aCourseNeedsANameAndATermOfSensibleLength() {
        OffsetDateTime now = OffsetDateTime.now();

        assertThrows(InvalidCourseException.class, () -> new Course(" ", "Spring", now));
        assertThrows(InvalidCourseException.class, () -> new Course("Python", null, now));
        assertThrows(InvalidCourseException.class, () -> new Course("x".repeat(81), "Spring", now));
    }

    @Test
    void anAssignmentNeedsATitle() {
        assertThrows(InvalidCourseException.class, () -> new NewAssignment("  ", null));
        assertEquals("Loops", new NewAssignment(" Loops ", null).title());
    }

    @Test
    void courseLimitsMustBeAboveZero() {
        assertThrows(InvalidCourseException.class, () -> new CourseLimits(0, null, null, null, null));
        assertEquals(2, new CourseLimits(2, null, null, null, null).wallSeconds());
    }

    @Test
    void aServerDefaultCannotBeAboveItsMaximum() {
        CourseLimits defaults = new CourseLimits(5, null, null, null, null);
        InvalidCourseException refused = assertThrows(
                InvalidCourseException.class,
                () -> new ServerLimits(defaults, new CourseLimits(3, null, null, null, null)));
        assertEquals("The default wall time (5) cannot be above its maximum (3).", refused.getMessage());
        assertEquals(defaults, new ServerLimits(defaults, CourseLimits.SERVER_DEFAULTS).defaults());
    }

    @Test
    void aFailedRunCountsBeforeLintErrorsAndAStoppedOneDoesNot() {
        assertEquals(
                "NameError in main.py",
                activity("NameError", "main.py", "undefined-variable").stuckOn());
        assertEquals(
                "undefined-variable in lib.py",
                activity("stopped", "main.py", "undefined-variable").stuckOn());
        assertEquals(
                "undefined-variable in lib.py",
                activity("ok", "main.py", "undefined-variable").stuckOn());
        assertEquals(null, activity("ok", "main.py", null).stuckOn());
    }

    @Test
    void theLastCheckShowsAsPassedTestsOrAsNotCompiling() {
        assertEquals("3/5", checked("GRADED", 3, 5).tests());
        assertEquals("does not compile", checked("NOT_COMPILED", 0, 5).tests());
        assertEquals("", activity("ok", "main.py", null).tests());
    }

    @Test
    void aMeasuredSandboxShowsItsCpuAndMemory() {
        StudentActivity measured = new StudentActivity(
                1,
                "Sam",
                "sam",
                7L,
                "Lab",
                true,
                "RUNNING",
                OffsetDateTime.now(),
                null,
                null,
                0,
                null,
                null,
                null,
                97,
                62L * 1024 * 1024,
                null,
                0,
                0,
                null,
                null);
        assertEquals("97 % · 62 MiB", measured.load());
        assertEquals("", activity("ok", "main.py", null).load());
    }

    private static StudentActivity activity(String lastRun, String runFile, String lintSymbol) {
        return new StudentActivity(
                1,
                "Sam",
                "sam",
                7L,
                "Lab",
                true,
                "IDLE",
                OffsetDateTime.now(),
                lastRun,
                runFile,
                lintSymbol == null ? 0 : 1,
                lintSymbol == null ? null : "line 1: oops",
                lintSymbol,
                lintSymbol == null ? null : "lib.py",
                null,
                null,
                null,
                0,
                0,
                null,
                null);
    }

    private static StudentActivity checked(String outcome, int passed, int total) {
        return new StudentActivity(
                1,
                "Sam",
                "sam",
                7L,
                "Lab",
                true,
                "IDLE",
                OffsetDateTime.now(),
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                outcome,
                passed,
                total,
                null,
                null);
    }
}
