package dev.pyroom.grading.control;

import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.OutputComparison;
import dev.pyroom.grading.entity.TestKind;
import java.time.Duration;
import java.util.List;

/** Tests of an assignment as an instructor writes them, for the grading tests: 2 s each, on main.py. */
final class AssignmentTests {

    private AssignmentTests() {}

    /** An I/O test comparing output with trailing whitespace ignored. */
    static AssignmentTest io(long id, String name, int points, boolean visible, String stdin, String expected) {
        return new AssignmentTest(
                id,
                name,
                TestKind.IO,
                points,
                Duration.ofSeconds(2),
                visible,
                "main.py",
                List.of(),
                stdin,
                expected,
                OutputComparison.TRIMMED,
                0,
                "");
    }

    /** A visible unit test worth a point. */
    static AssignmentTest unit(long id, String name, String source) {
        return new AssignmentTest(
                id,
                name,
                TestKind.UNIT,
                1,
                Duration.ofSeconds(2),
                true,
                "main.py",
                List.of(),
                "",
                "",
                OutputComparison.TRIMMED,
                0,
                source);
    }
}
