package dev.pyroom.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceNameTest {

    @Test
    void keepsATypedNameWithoutSurroundingSpaces() {
        assertEquals("Lab 1 (loops)", new WorkspaceName("  Lab 1 (loops) ").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<b>bold</b>", "a > b", "tab\there"})
    void refusesEmptyNamesAndMarkup(String name) {
        assertThrows(InvalidNameException.class, () -> new WorkspaceName(name));
    }

    @Test
    void refusesANameLongerThanTheLimit() {
        String tooLong = "x".repeat(WorkspaceName.MAX_LENGTH + 1);

        var error = assertThrows(InvalidNameException.class, () -> new WorkspaceName(tooLong));

        assertEquals("A workspace name can have at most 60 characters.", error.getMessage());
    }
}
