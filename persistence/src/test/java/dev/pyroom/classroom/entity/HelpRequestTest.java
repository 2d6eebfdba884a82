package dev.pyroom.classroom.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class HelpRequestTest {

    private static final OffsetDateTime ASKED = OffsetDateTime.parse("2027-03-01T10:00:00Z");

    @Test
    void waitingTimeIsInWholeMinutesThenHours() {
        HelpRequest request = request("NameError", "NameError: name 'x' is not defined");
        assertEquals("just now", request.waitingAt(ASKED.plusSeconds(59)));
        assertEquals("1 min", request.waitingAt(ASKED.plusSeconds(60)));
        assertEquals("59 min", request.waitingAt(ASKED.plusMinutes(59)));
        assertEquals("1 h 5 min", request.waitingAt(ASKED.plusMinutes(65)));
        assertEquals("just now", request.waitingAt(ASKED.minusSeconds(5)), "another node's clock may be behind");
    }

    @Test
    void theErrorIsTheTracebacksLastLineElseHowTheRunEnded() {
        assertEquals(
                "NameError: name 'x' is not defined",
                request("NameError", "NameError: name 'x' is not defined").error());
        assertEquals("timed out", request("timed out", null).error());
        assertEquals("", request("ok", null).error());
        assertEquals("", request(null, null).error());
    }

    @Test
    void aNewRequestKeepsANoteOnlyWhenThereIsOneAndRefusesALongOne() {
        assertNull(newRequest("   ").note());
        assertEquals("line 3?", newRequest("  line 3?\n").note());
        assertThrows(InvalidCourseException.class, () -> newRequest("x".repeat(NewHelpRequest.MAX_NOTE + 1)));
    }

    private static HelpRequest request(String runSummary, String errorMessage) {
        return new HelpRequest(
                1, 2, "Sam Student", 3L, "main.py", null, runSummary, null, errorMessage, "", ASKED, null);
    }

    private static NewHelpRequest newRequest(String note) {
        return new NewHelpRequest(1, 2, 3, "main.py", note, null, null, null, null);
    }
}
