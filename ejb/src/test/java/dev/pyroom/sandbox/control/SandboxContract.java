package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.RunResult;
import dev.pyroom.sandbox.entity.SandboxSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What every backend's sandboxes must do; a backend's test class only says how to start the backend. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxContract {

    static final long RESULT_TIMEOUT_SECONDS = 30;

    /** Starts sleeping children until the process limit refuses one, then says how many it got. */
    static final String FORK_UNTIL_REFUSED = """
            import os, time
            children = 0
            try:
                while True:
                    if os.fork() == 0:
                        time.sleep(600)
                    children += 1
            except OSError:
                print('forks refused after', children)
            """;

    SandboxBackend backend;
    Sandbox sandbox;
    Path workspace;

    abstract SandboxBackend startBackend();

    /**
     * Whether sandboxes are containers of an engine such as Docker, which always gives them its own {@code /etc/hosts},
     * {@code /etc/hostname} and {@code /etc/resolv.conf}, a read-only {@code /sys} (where the agent reads its own
     * cgroup's OOM counter), {@code /dev/mqueue}, and a root file system mounted without {@code nosuid}.
     */
    boolean containerEngine() {
        return false;
    }

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

    @BeforeEach
    void openSandbox(@TempDir Path directory) throws IOException {
        // The sandbox may run as another host user, who must be able to reach the workspace.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        workspace = Files.createDirectory(directory.resolve("ws"));
        sandbox = backend.open(SandboxSpec.of(workspace));
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }

    record Outcome(RunResult result, Transcript transcript) {

        String stdout() {
            return transcript.stdout();
        }

        String stderr() {
            return transcript.stderr();
        }
    }

    Outcome run(String program) throws Exception {
        return run(program, RunLimits.DEFAULTS, run -> {});
    }

    Outcome run(String program, RunLimits limits) throws Exception {
        return run(program, limits, run -> {});
    }

    Outcome run(String program, RunLimits limits, Consumer<Run> whileRunning) throws Exception {
        write("main.py", program);
        Transcript transcript = new Transcript();
        Run run = sandbox.start(RunRequest.of("main.py").withLimits(limits), transcript);
        whileRunning.accept(run);
        return new Outcome(await(run), transcript);
    }

    /** Runs a program with arguments, which unlike its text are in no file the program could search. */
    Outcome runWith(String program, String... arguments) throws Exception {
        write("main.py", program);
        Transcript transcript = new Transcript();
        Run run = sandbox.start(RunRequest.of("main.py").withArguments(List.of(arguments)), transcript);
        return new Outcome(await(run), transcript);
    }

    /** Puts a file into the sandbox's workspace, as the editor does. */
    void write(String path, String content) {
        sandbox.writeFile(path, content.getBytes(StandardCharsets.UTF_8));
    }

    static RunResult await(Run run) throws Exception {
        return run.result().get(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs a program that lists the processes it can see besides itself and the sandbox's PID 1. */
    void assertNoOtherProcesses() throws Exception {
        Outcome outcome = run("import os\n"
                + "others = [p for p in os.listdir('/proc') if p.isdigit() and int(p) not in (1, os.getpid())]\n"
                + "print('others:', others)\n");
        assertEquals("others: []\n", outcome.stdout());
    }
}
