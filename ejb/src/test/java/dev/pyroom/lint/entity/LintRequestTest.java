package dev.pyroom.lint.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LintRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"main.py", "my game.py", "week-6_homework.py", "\u00fcbung.py"})
    void acceptsPlainPythonFileNames(String filename) {
        assertDoesNotThrow(() -> new LintRequest(1, filename, ""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "main.txt", ".py", ".hidden.py", "../main.py", "dir/main.py", "/etc/x.py", "a\u0000.py"})
    void refusesAnythingElse(String filename) {
        assertThrows(IllegalArgumentException.class, () -> new LintRequest(1, filename, ""));
    }
}
