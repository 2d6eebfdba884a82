package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.workspace.control.FileChange;
import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.InvalidNameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Hostile workspaces meant to make the sync-back read, follow or store what it must not, or stall it. */
abstract class SyncProbeContract extends SandboxContract {

    /** Links to secrets and out of the workspace: the agent's environment, the seed, the root, a system file.
     * Expected: nothing is reported, nothing followed. */
    @Test
    void linksToSecretsAndOut() throws Exception {
        run("""
                import os
                for target, name in (('/proc/1/environ', 'environ'), ('/proc/self/environ', 'mine'), ('/', 'root'),
                                     ('/run/pyroom/seed', 'seed'), ('/etc/passwd', 'passwd'), ('../..', 'up')):
                    os.symlink(target, name)
                """);

        assertEquals(List.of(), sandbox.collectChanges());
    }

    /** Swaps a file for a link to a system file and for a FIFO, again and again, while the host collects. Expected:
     * only what the program itself wrote ever comes back, and no collect stalls. */
    @Test
    void swapRaceDuringCollect() throws Exception {
        write("main.py", """
                import os, time
                print('racing', flush=True)
                end = time.monotonic() + 2
                while time.monotonic() < end:
                    with open('swap.new', 'w') as f:
                        f.write('safe')
                    os.replace('swap.new', 'swap.txt')
                    os.symlink('/etc/passwd', 'swap.link')
                    os.replace('swap.link', 'swap.txt')
                    os.mkfifo('swap.fifo')
                    os.replace('swap.fifo', 'swap.txt')
                """);
        CompletableFuture<Void> racing = new CompletableFuture<>();
        Run run = sandbox.start(RunRequest.of("main.py"), new Transcript(stdout -> racing.complete(null)));
        racing.get(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);

        List<FileChange> collected = new ArrayList<>();
        while (!run.result().isDone()) {
            collected.addAll(sandbox.collectChanges());
        }

        assertEquals(RunEnding.EXITED, await(run).ending());
        assertTrue(Changes.paths(collected).contains("swap.txt"), "the race was seen at all");
        for (FileChange change : collected) {
            if (!change.isDeletion()) {
                String content = new String(change.content(), StandardCharsets.UTF_8);
                assertTrue(content.equals("safe") || content.isEmpty(), change.path() + " came back as " + content);
            }
        }
    }

    /** Twenty thousand files in one folder. Expected: each collect carries a bounded number of changes, and the
     * sandbox stays responsive. */
    @Test
    void crowdedWorkspace() throws Exception {
        run("import os\nos.mkdir('crowd')\nfor i in range(20000):\n    open(f'crowd/{i}', 'w').close()\n");

        for (int i = 0; i < 3; i++) {
            assertTrue(sandbox.collectChanges().size() <= AgentFiles.MAX_CHANGES);
        }
        assertEquals("ok\n", run("print('ok')\n").stdout());
    }

    /** Two hundred nested folders. Expected: the walk stops at a bounded depth. */
    @Test
    void deeplyNestedFolders() throws Exception {
        run("import os\nos.makedirs('/'.join(['d'] * 200))\n");

        int reported = sandbox.collectChanges().size();

        assertTrue(reported > 0 && reported <= 100, "reported " + reported);
    }

    /** Names the database cannot hold: not UTF-8, with a line break, with a backslash. Expected: the first is not
     * reported; the others come back and the workspace's own path rules refuse them. */
    @Test
    void namesThatCannotBeStored() throws Exception {
        run("open(b'\\xff\\xfe.txt', 'w').close()\nopen('a\\nb.txt', 'w').close()\nopen('c\\\\d.txt', 'w').close()\n");

        List<String> paths = Changes.paths(sandbox.collectChanges());

        assertEquals(List.of("a\nb.txt", "c\\d.txt"), paths);
        for (String path : paths) {
            assertThrows(InvalidNameException.class, () -> new FilePath(path));
        }
    }
}
