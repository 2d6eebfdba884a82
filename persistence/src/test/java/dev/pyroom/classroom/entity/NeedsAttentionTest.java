package dev.pyroom.classroom.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NeedsAttentionTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2027-03-01T10:00:00Z");

    @Test
    void raisedHandsComeFirstThenTheLongestStuckThenTheLongestQuietThenEverybodyByName() {
        StudentActivity askedSecond = student("Ana", "IDLE", null, 0, NOW.minusMinutes(1), NOW.minusMinutes(2));
        StudentActivity askedFirst = student("Zoe", "RUNNING", null, 0, NOW.minusMinutes(3), NOW);
        StudentActivity stuckLong = stuck("Bo", "NameError", 0, NOW.minusMinutes(9));
        StudentActivity stuckShort = stuck("Al", null, 2, NOW.minusMinutes(1));
        StudentActivity quiet = student("Cy", "IDLE", "ok", 0, null, NOW.minusMinutes(20));
        StudentActivity typing = student("Di", "IDLE", "ok", 0, null, NOW.minusSeconds(20));
        StudentActivity running = student("Ed", "RUNNING", null, 0, null, NOW);

        List<StudentActivity> sorted = Stream.of(running, typing, quiet, stuckShort, stuckLong, askedFirst, askedSecond)
                .sorted(new NeedsAttention(NOW))
                .toList();

        assertEquals(
                List.of("Zoe", "Ana", "Bo", "Al", "Cy", "Di", "Ed"),
                sorted.stream().map(StudentActivity::displayName).toList());
    }

    @Test
    void theStatusSaysWhatTheStudentIsDoing() {
        assertEquals(
                StudentStatus.RUNNING,
                student("A", "RUNNING", "NameError", 0, null, NOW).status(NOW));
        assertEquals(
                StudentStatus.ERROR,
                student("A", "IDLE", "NameError", 0, null, NOW).status(NOW));
        assertEquals(
                StudentStatus.ERROR, student("A", "IDLE", "ok", 3, null, NOW).status(NOW));
        assertEquals(
                StudentStatus.TYPING,
                student("A", "IDLE", "stopped", 0, null, NOW.minusSeconds(59)).status(NOW));
        assertEquals(
                StudentStatus.IDLE,
                student("A", "IDLE", null, 0, null, NOW.minusMinutes(2)).status(NOW));
        assertEquals(StudentStatus.NOT_HERE, offline("A").status(NOW));
    }

    private static StudentActivity offline(String name) {
        return new StudentActivity(
                1,
                name,
                name.toLowerCase(),
                7L,
                "Lab",
                false,
                "IDLE",
                NOW,
                "NameError",
                "main.py",
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                0,
                NOW,
                null);
    }

    private static StudentActivity student(
            String name,
            String sandbox,
            String lastRun,
            int lintErrors,
            OffsetDateTime handRaised,
            OffsetDateTime lastActivity) {
        return activity(name, sandbox, lastRun, lintErrors, lastActivity, null, handRaised);
    }

    private static StudentActivity stuck(String name, String lastRun, int lintErrors, OffsetDateTime since) {
        return activity(name, "IDLE", lastRun, lintErrors, NOW.minusSeconds(5), since, null);
    }

    private static StudentActivity activity(
            String name,
            String sandbox,
            String lastRun,
            int lintErrors,
            OffsetDateTime lastActivity,
            OffsetDateTime stuckSince,
            OffsetDateTime handRaised) {
        return new StudentActivity(
                1,
                name,
                name.toLowerCase(),
                7L,
                "Lab",
                true,
                sandbox,
                lastActivity,
                lastRun,
                lastRun == null ? null : "main.py",
                lintErrors,
                lintErrors == 0 ? null : "line 1: x",
                lintErrors == 0 ? null : "undefined-variable",
                lintErrors == 0 ? null : "main.py",
                null,
                null,
                null,
                0,
                0,
                stuckSince,
                handRaised);
    }
}
