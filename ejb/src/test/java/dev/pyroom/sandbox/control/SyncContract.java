package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.SandboxSpec;
import dev.pyroom.workspace.control.FileChange;
import dev.pyroom.workspace.entity.InvalidNameException;
import dev.pyroom.workspace.entity.WorkspaceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Files between the host and a sandbox's workspace: what the host puts in, and what programs change, come back. */
abstract class SyncContract extends SandboxContract {

    @Test
    void reportsWhatAProgramWroteWithItsBytesParentsFirst() throws Exception {
        run(
                "import os\nopen('out.txt', 'w').write('hello')\nos.makedirs('a/b')\nopen('a/b/c.txt', 'w').write('deep')\n");

        assertEquals(
                List.of("+ a/", "+ out.txt = hello", "+ a/b/", "+ a/b/c.txt = deep"),
                Changes.summary(sandbox.collectChanges()));
        assertEquals(List.of(), sandbox.collectChanges());
    }

    @Test
    void reportsChangesAndDeletionsOfFilesItWasGiven() throws Exception {
        write("keep.txt", "v1");
        write("same.txt", "unchanged");
        sandbox.makeFolder("old/inner");
        write("old/inner/gone.txt", "x");

        run("import os, shutil\nopen('keep.txt', 'w').write('v2')\nos.utime('same.txt')\nshutil.rmtree('old')\n");

        assertEquals(
                List.of("+ keep.txt = v2", "- old/inner/gone.txt", "- old/inner", "- old"),
                Changes.summary(sandbox.collectChanges()));
    }

    @Test
    void doesNotReportWhatTheHostDidItself() {
        write("lesson/task.py", "print(1)\n");
        sandbox.makeFolder("data/raw");
        write("scratch.txt", "x");
        sandbox.deleteFile("scratch.txt");

        assertEquals(List.of(), sandbox.collectChanges());
    }

    @Test
    void startsFromTheFilesItWasOpenedWith() throws Exception {
        Path seeded = Files.createDirectory(workspace.resolveSibling("seeded"));
        Files.createDirectory(seeded.resolve("lesson"));
        Files.writeString(seeded.resolve("lesson/given.py"), "print('given')\n");
        try (Sandbox other = backend.open(SandboxSpec.of(seeded))) {
            Transcript transcript = new Transcript();
            await(other.start(RunRequest.of("lesson/given.py"), transcript));

            assertEquals("given\n", transcript.stdout());
            assertEquals(List.of(), other.collectChanges());
        }
    }

    @Test
    void neverFollowsNorReportsLinksFifosOrSockets() throws Exception {
        String program = """
                import os, socket
                os.symlink('/etc/passwd', 'evil')
                os.symlink('.', 'loop')
                os.symlink('/usr', 'system')
                os.mkfifo('pipe')
                socket.socket(socket.AF_UNIX).bind('socket')
                os.link('main.py', 'hard')
                with open('big.bin', 'wb') as f:
                    f.write(b'x' * (5 << 20))
                """;
        run(program);

        List<FileChange> changes = sandbox.collectChanges();

        assertEquals(List.of("big.bin", "hard"), Changes.paths(changes));
        assertEquals(WorkspaceFile.MAX_SIZE_BYTES + 1, changes.get(0).content().length, "refused as too large");
        assertArrayEquals(
                program.getBytes(StandardCharsets.UTF_8),
                changes.get(1).content(),
                "a hard link is just another name of a workspace file");
    }

    @Test
    void writesReplaceLinksInsteadOfFollowingThem() throws Exception {
        String outside = "pyroom-outside-" + UUID.randomUUID();
        List<Path> hostBefore = hostFiles();
        run(String.format("""
                import os
                os.symlink('/tmp/%s', 'notes.txt')
                os.symlink('../../%s', 'up.txt')
                os.symlink('/tmp', 'lesson')
                os.mkfifo('answers.txt')
                """, outside, outside));

        sandbox.writeFile("notes.txt", "new".getBytes(StandardCharsets.UTF_8));
        sandbox.writeFile("up.txt", "new".getBytes(StandardCharsets.UTF_8));
        sandbox.writeFile("answers.txt", "new".getBytes(StandardCharsets.UTF_8));
        assertThrows(SandboxException.class, () -> sandbox.writeFile("lesson/a.py", new byte[0]));
        assertThrows(SandboxException.class, () -> sandbox.makeFolder("lesson/sub"));

        Outcome check = run("""
                import os
                print([(name, os.path.islink(name), open(name).read()) for name in ('notes.txt', 'up.txt', 'answers.txt')])
                print(os.listdir('/tmp'), os.path.exists('/%s'))
                """.formatted(outside));
        assertEquals(
                "[('notes.txt', False, 'new'), ('up.txt', False, 'new'), ('answers.txt', False, 'new')]\n[] False\n",
                check.stdout());
        assertFalse(Files.exists(Path.of("/tmp", outside)));
        assertEquals(hostBefore, hostFiles(), "nothing changed on the host");
    }

    @Test
    void deletesFoldersWithoutFollowingLinksInThem() throws Exception {
        run("import os\nopen('/tmp/precious', 'w').write('keep')\nos.mkdir('dir')\nos.symlink('/tmp', 'dir/link')\n");

        sandbox.deleteFile("dir");

        assertEquals(
                "True False\n",
                run("import os\nprint(os.path.exists('/tmp/precious'), os.path.exists('dir'))\n")
                        .stdout());
    }

    @Test
    void refusesPathsOutsideTheWorkspaceBeforeAskingTheSandbox() {
        for (String path : List.of("../escape.py", "/etc/passwd", "a/../../b", "a//b", "")) {
            assertThrows(InvalidNameException.class, () -> sandbox.writeFile(path, new byte[0]), path);
            assertThrows(InvalidNameException.class, () -> sandbox.deleteFile(path), path);
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> sandbox.writeFile("huge.txt", new byte[WorkspaceFile.MAX_SIZE_BYTES + 1]));
    }

    @Test
    void carriesABoundedNumberOfChangesAtATime() throws Exception {
        run("for i in range(1200):\n    open(f'f{i:04}', 'w').close()\n");

        assertEquals(AgentFiles.MAX_CHANGES, sandbox.collectChanges().size());
        assertEquals(200, sandbox.collectChanges().size());
        assertEquals(List.of(), sandbox.collectChanges());
    }

    @Test
    void collectsWhileAProgramRuns() throws Exception {
        write("main.py", "open('progress.txt', 'w').write('half')\nprint('written', flush=True)\ninput()\n");
        CompletableFuture<Void> written = new CompletableFuture<>();
        Run run = sandbox.start(RunRequest.of("main.py"), new Transcript(stdout -> written.complete(null)));
        written.get(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);

        List<String> changes = Changes.summary(sandbox.collectChanges());

        run.closeInput();
        assertEquals(RunEnding.EXITED, await(run).ending());
        assertEquals(List.of("+ progress.txt = half"), changes);
    }

    private List<Path> hostFiles() throws Exception {
        try (Stream<Path> files = Files.walk(workspace.getParent())) {
            return files.sorted().toList();
        }
    }
}
