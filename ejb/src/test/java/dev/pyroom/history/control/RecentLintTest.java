package dev.pyroom.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.history.entity.VersionLint;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentLintTest {

    private static final VersionLint FAST = new VersionLint("FAST", 1, 0, "undefined-variable", "line 2: greting");
    private static final VersionLint DEEP = new VersionLint("DEEP", 1, 2, "undefined-variable", "line 2: greting");

    private final RecentLint recent = new RecentLint();

    @Test
    void aSaveFindsTheResultOfExactlyItsTextInItsOwnFile() {
        recent.remember(1, "main.py", ContentHash.of("print(greting)\n"), FAST);

        assertEquals(Optional.of(FAST), recent.of(1, "main.py", ContentHash.of("print(greting)\n")));
        assertTrue(recent.of(1, "main.py", ContentHash.of("print(greeting)\n")).isEmpty());
        assertTrue(recent.of(2, "main.py", ContentHash.of("print(greting)\n")).isEmpty());
        assertTrue(recent.of(1, "other.py", ContentHash.of("print(greting)\n")).isEmpty());
    }

    @Test
    void aFastResultNeverReplacesTheDeepOneOfTheSameText() {
        String hash = ContentHash.of("print(greting)\n");
        recent.remember(1, "main.py", hash, DEEP);
        recent.remember(1, "main.py", hash, FAST);

        assertEquals(Optional.of(DEEP), recent.of(1, "main.py", hash));

        String newer = ContentHash.of("print(greeting)\n");
        recent.remember(1, "main.py", newer, FAST);
        assertEquals(Optional.of(FAST), recent.of(1, "main.py", newer));
    }

    @Test
    void theSummarySaysHowManyErrorsAndWarnings() {
        assertEquals("No problems", new VersionLint("FAST", 0, 0, null, null).summary());
        assertEquals("1 error", FAST.summary());
        assertEquals("1 error, 2 warnings", DEEP.summary());
        assertEquals("1 warning", new VersionLint("DEEP", 0, 1, "unused-variable", "line 1: x").summary());
    }
}
