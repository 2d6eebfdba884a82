package dev.pyroom.classroom.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.classroom.control.RosterFile.Row;
import dev.pyroom.classroom.entity.InvalidCourseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterFileTest {

    @Test
    void readsUsernamesAndEmailsFromTheFirstColumnAfterAHeader() {
        List<Row> rows = RosterFile.read("Username,Name\nstudent,Sam\n\nAda@School.example,Ada\n");

        assertEquals(List.of(new Row(2, "student", null), new Row(3, "ada@school.example", null)), rows);
    }

    @Test
    void takesSemicolonsTabsQuotesAByteOrderMarkAndWindowsLineEnds() {
        assertEquals(List.of("a1", "b2"), entries("\uFEFFemail;name\r\na1;x\r\n\"b2\";\"y; z\"\r\n"));
        assertEquals(List.of("a1", "b2"), entries("a1\tAda\nb2\tBob\n"));
        assertEquals(List.of("a1"), entries("  a1  \n   \n"));
    }

    @Test
    void marksRowsThatNameNobodyAndRepeats() {
        List<Row> rows = RosterFile.read("student\n,empty\nnot a name!\nx@y\nSTUDENT\n");

        assertTrue(rows.get(0).valid());
        assertEquals("the first column is empty", rows.get(1).problem());
        assertEquals("not a username or an email address", rows.get(2).problem());
        assertEquals("not a username or an email address", rows.get(3).problem());
        assertEquals("also on row 1", rows.get(4).problem());
    }

    @Test
    void refusesWhatIsNoRoster() {
        assertEquals(
                "The roster is empty: give one username or email address per line.",
                assertThrows(InvalidCourseException.class, () -> RosterFile.read(" \n"))
                        .getMessage());
        assertTrue(assertThrows(InvalidCourseException.class, () -> RosterFile.read("PK\u0003\u0004\0\0"))
                .getMessage()
                .startsWith("This is not a text file"));
        assertTrue(assertThrows(InvalidCourseException.class, () -> RosterFile.read("\"unclosed\nstudent\n"))
                .getMessage()
                .startsWith("This is not valid CSV"));
        assertTrue(assertThrows(InvalidCourseException.class, () -> RosterFile.read("a\n".repeat(1001)))
                .getMessage()
                .contains("more than 1000 rows"));
        assertTrue(assertThrows(InvalidCourseException.class, () -> RosterFile.read("x".repeat(300_000)))
                .getMessage()
                .startsWith("The roster is too large"));
        assertEquals(
                "The roster names nobody: give one username or email address per line.",
                assertThrows(InvalidCourseException.class, () -> RosterFile.read("email\n"))
                        .getMessage());
    }

    private static List<String> entries(String text) {
        return RosterFile.read(text).stream().map(Row::entry).toList();
    }
}
