package dev.pyroom.grading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.CheckReport;
import dev.pyroom.grading.entity.TestOutcome;
import dev.pyroom.grading.entity.TestResult;
import dev.pyroom.sandbox.control.Sandbox;
import dev.pyroom.sandbox.control.SandboxBackend;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.SandboxSpec;
import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.WorkspaceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A whole check, I/O tests and unit tests, in real sandboxes opened for it; a backend's class says which backend. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GraderCheckContract {

    /** The student's program: it keeps whatever it is given where a later program of the student could read it. */
    private static final String KEEPS_ITS_INPUT = """
            import sys
            given = sys.stdin.read()
            for place in ('/tmp/given.txt', 'given.txt'):
                with open(place, 'w') as kept:
                    kept.write(given)
            print(given.upper())
            """;

    private static final String SHOWS_WHAT_WAS_KEPT = """
            import os

            def test_nothing_was_kept():
                kept = [open(place).read() for place in ('/tmp/given.txt', 'given.txt') if os.path.exists(place)]
                assert kept == [], kept
            """;

    private SandboxBackend backend;

    @TempDir
    Path folders;

    private int opened;

    abstract SandboxBackend startBackend();

    @BeforeAll
    void startBackendOnce() {
        backend = startBackend();
    }

    @AfterAll
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aVisibleUnitTestNeverMeetsTheInputOfAHiddenIoTest() {
        AssignmentTest hiddenIo = AssignmentTests.io(1, "secret input", 1, false, "s3cret-4711", "S3CRET-4711");
        AssignmentTest visibleUnit = AssignmentTests.unit(2, "shown", SHOWS_WHAT_WAS_KEPT);

        CheckReport report = Grader.check(
                this::within, List.of(main(KEEPS_ITS_INPUT)), List.of(hiddenIo, visibleUnit), RunLimits.DEFAULTS);

        List<TestResult> results = report.results();
        assertEquals(
                TestOutcome.PASSED, results.get(0).outcome(), results.get(0).message());
        assertEquals(
                TestOutcome.PASSED, results.get(1).outcome(), results.get(1).message());
        assertFalse(
                String.valueOf(results.get(1).message()).contains("s3cret"),
                results.get(1).message());
    }

    @Test
    void visibleTestsAloneShareOneSandbox() {
        AssignmentTest visibleIo = AssignmentTests.io(1, "shown input", 1, true, "hello", "HELLO");
        AssignmentTest visibleUnit = AssignmentTests.unit(2, "shown", SHOWS_WHAT_WAS_KEPT);
        opened = 0;

        CheckReport report = Grader.check(
                this::within, List.of(main(KEEPS_ITS_INPUT)), List.of(visibleIo, visibleUnit), RunLimits.DEFAULTS);

        assertEquals(1, opened);
        assertEquals(TestOutcome.PASSED, report.results().get(0).outcome());
        // The student's own visible input is theirs to see: the unit test finds it.
        assertEquals(TestOutcome.FAILED, report.results().get(1).outcome());
    }

    private <T> T within(List<WorkspaceFile> files, Function<Sandbox, T> work) {
        opened++;
        try {
            Path workspace = Files.createTempDirectory(folders, "workspace");
            for (Path folder : List.of(folders, workspace)) {
                // The sandbox's user must reach the workspace.
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            for (WorkspaceFile file : files) {
                Files.writeString(workspace.resolve(file.getPath().value()), file.getContent());
            }
            try (Sandbox sandbox = backend.open(SandboxSpec.of(workspace))) {
                return work.apply(sandbox);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WorkspaceFile main(String content) {
        return WorkspaceFile.unstored(new FilePath("main.py"), content, OffsetDateTime.now());
    }
}
