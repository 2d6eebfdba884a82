package dev.pyroom.lint.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void acceptsAnEmptyRangeForAToolThatGivesNoEnd() {
        assertDoesNotThrow(() -> diagnostic(3, 5, 3, 5));
    }

    @Test
    void refusesPositionsBeforeTheStartOfTheDocument() {
        assertThrows(IllegalArgumentException.class, () -> diagnostic(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> diagnostic(1, 0, 1, 1));
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        assertThrows(IllegalArgumentException.class, () -> diagnostic(3, 5, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> diagnostic(3, 5, 2, 9));
    }

    private static Diagnostic diagnostic(int line, int column, int endLine, int endColumn) {
        return new Diagnostic(
                line, column, endLine, endColumn, Severity.ERROR, "E0602", "undefined-variable", "Undefined variable");
    }
}
