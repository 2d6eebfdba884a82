package dev.pyroom.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class WorkspaceFileTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T09:00:00Z");
    private static final FilePath MAIN = new FilePath("main.py");

    @Test
    void aSnapshotsFileToGradeBelongsToNoWorkspace() {
        WorkspaceFile file = WorkspaceFile.unstored(MAIN, "print(1)\n", NOW);

        assertNull(file.getWorkspace());
        assertEquals("main.py", file.getPath().value());
        assertEquals("print(1)\n", file.getContent());
        assertEquals(WorkspaceFile.Kind.FILE, file.getKind());
    }

    @Test
    void aFileToStoreNeedsItsWorkspace() {
        assertThrows(NullPointerException.class, () -> WorkspaceFile.file(null, MAIN, "", NOW));
        assertThrows(NullPointerException.class, () -> WorkspaceFile.folder(null, MAIN, NOW));
    }

    @Test
    void aFileToGradeIsBoundedLikeAnyOther() {
        String tooLarge = "x".repeat(WorkspaceFile.MAX_SIZE_BYTES + 1);

        assertThrows(FileTooLargeException.class, () -> WorkspaceFile.unstored(MAIN, tooLarge, NOW));
    }
}
