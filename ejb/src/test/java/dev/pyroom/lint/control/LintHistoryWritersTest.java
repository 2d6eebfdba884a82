package dev.pyroom.lint.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many lint results are written at once: the rest are skipped, never queued. */
class LintHistoryWritersTest {

    @Test
    void aWriteFindingEveryWriterBusyIsSkippedAndOneFindingAFreeWriterRuns() {
        LintHistoryWriters writers = writers(1);
        List<String> written = new ArrayList<>();

        boolean outer = writers.writeIfFree(() -> {
            boolean inner = writers.writeIfFree(() -> written.add("while busy"));
            assertFalse(inner);
            written.add("first");
        });
        boolean after = writers.writeIfFree(() -> written.add("after"));

        assertTrue(outer);
        assertTrue(after);
        assertEquals(List.of("first", "after"), written);
    }

    @Test
    void aWriteThatFailsFreesItsWriter() {
        LintHistoryWriters writers = writers(1);

        assertThrows(
                IllegalStateException.class,
                () -> writers.writeIfFree(() -> {
                    throw new IllegalStateException("the database went away");
                }));

        assertTrue(writers.writeIfFree(() -> {}));
    }

    @Test
    void aNodeWithoutWritersIsRefused() {
        assertThrows(IllegalStateException.class, () -> writers(0));
    }

    private static LintHistoryWriters writers(int count) {
        LintHistoryWriters writers = new LintHistoryWriters();
        writers.writers = count;
        writers.prepare();
        return writers;
    }
}
