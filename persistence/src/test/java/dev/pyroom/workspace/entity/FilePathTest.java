package dev.pyroom.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilePathTest {

    @Test
    void acceptsNestedRelativePaths() {
        FilePath path = new FilePath("src/game/main.py");

        assertEquals("main.py", path.name());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../secret.py",
                "src/../../etc/passwd",
                "/etc/passwd",
                "src//main.py",
                "./main.py",
                "src\\main.py",
                "folder/",
                "bad\u0000name.py",
                " main.py"
            })
    void refusesPathsThatCouldLeaveTheWorkspace(String value) {
        assertThrows(InvalidNameException.class, () -> new FilePath(value));
    }
}
