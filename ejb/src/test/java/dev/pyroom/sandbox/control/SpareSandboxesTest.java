package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.SandboxSpec;
import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.WorkspaceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Spare sandboxes, opened ahead of need in real bubblewrap sandboxes: each one taken is fresh and holds the files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpareSandboxesTest {

    @TempDir
    static Path root;

    SandboxBackend backend;

    @BeforeAll
    void startBackend() throws IOException {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        backend = BubblewrapBackend.start(BubblewrapSettings.defaults());
    }

    @AfterAll
    void closeBackend() {
        backend.close();
    }

    @Test
    void aSpareTakenHoldsTheWorkspacesFilesAndNothingOfTheSpareBeforeIt() throws Exception {
        SpareSandboxes spares = new SpareSandboxes(1, this::openEmpty, Runnable::run);
        assertEquals(Optional.empty(), spares.take(List.of()), "none is ready before the first is asked for");

        try (DetachedSandbox first =
                        spares.take(files("print(open('data.txt').read())")).orElseThrow();
                DetachedSandbox second = spares.take(files("import os\nprint(os.path.exists('left-behind'))"))
                        .orElseThrow()) {
            assertNotSame(first.sandbox(), second.sandbox());
            assertEquals(
                    "42\n", run(first, "open('left-behind', 'w').write('x')\n" + "print(open('data.txt').read())"));
            assertEquals("False\n", run(second, "import os\nprint(os.path.exists('left-behind'))"));
        } finally {
            spares.closeAll();
        }
    }

    @Test
    void aSpareThatDiedWhileWaitingIsNotHandedOut() {
        SpareSandboxes spares = new SpareSandboxes(
                1,
                () -> {
                    DetachedSandbox spare = openEmpty();
                    spare.sandbox().close();
                    return spare;
                },
                Runnable::run);
        spares.take(List.of());

        assertTrue(spares.take(List.of()).isEmpty());
        spares.closeAll();
    }

    @Test
    void keepsNoneWhenNoneAreWanted() {
        SpareSandboxes spares = new SpareSandboxes(0, this::openEmpty, Runnable::run);

        assertTrue(spares.take(List.of()).isEmpty());
        assertTrue(spares.take(List.of()).isEmpty());
    }

    private DetachedSandbox openEmpty() {
        Path folder = WorkspaceFolders.materialize(root, List.of());
        return new DetachedSandbox(backend.open(SandboxSpec.of(folder)), folder);
    }

    private static List<WorkspaceFile> files(String main) {
        OffsetDateTime now = OffsetDateTime.now();
        return List.of(
                WorkspaceFile.unstored(new FilePath("data.txt"), "42", now),
                WorkspaceFile.unstored(new FilePath("main.py"), main, now));
    }

    private static String run(DetachedSandbox opened, String program) throws Exception {
        opened.sandbox().writeFile("main.py", program.getBytes(StandardCharsets.UTF_8));
        Transcript transcript = new Transcript();
        opened.sandbox().start(RunRequest.of("main.py"), transcript).result().get(30, TimeUnit.SECONDS);
        return transcript.stdout();
    }
}
