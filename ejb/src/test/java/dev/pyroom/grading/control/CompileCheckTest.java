package dev.pyroom.grading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.sandbox.control.BubblewrapBackend;
import dev.pyroom.sandbox.control.BubblewrapSettings;
import dev.pyroom.sandbox.control.Sandbox;
import dev.pyroom.sandbox.control.SandboxBackend;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The files of a check are compiled by the sandbox's grader before any test runs, in a real bubblewrap sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompileCheckTest {

    private SandboxBackend backend;

    @BeforeAll
    void startBackend() {
        backend = BubblewrapBackend.start(BubblewrapSettings.defaults());
    }

    @AfterAll
    void closeBackend() {
        backend.close();
    }

    @Test
    void aFileThatDoesNotCompileIsNamedWithItsLine(@TempDir Path directory) throws IOException {
        Optional<CompileCheck.Problem> problem =
                check(directory, Map.of("main.py", "import lib\nprint(lib.X)\n", "lib/helpers.py", "X = 1\ndef f(:\n"));

        assertTrue(problem.isPresent());
        assertTrue(problem.get().notCompiled());
        assertEquals(
                "lib/helpers.py, line 2 does not compile: SyntaxError: invalid syntax",
                problem.get().message());
    }

    @Test
    void aProgramThatOnlyPretendsNotToCompileCompiles(@TempDir Path directory) throws IOException {
        Optional<CompileCheck.Problem> problem = check(
                directory,
                Map.of("main.py", "import sys\nsys.stderr.write('SyntaxError: invalid syntax\\n')\nsys.exit(1)\n"));

        assertEquals(Optional.empty(), problem);
    }

    @Test
    void compilingRunsNothingOfTheFiles(@TempDir Path directory) throws IOException {
        Optional<CompileCheck.Problem> problem =
                check(directory, Map.of("main.py", "open('/workspace/ran', 'w').write('yes')\n"));

        assertEquals(Optional.empty(), problem);
        assertTrue(Files.notExists(directory.resolve("ws/ran")));
    }

    private Optional<CompileCheck.Problem> check(Path directory, Map<String, String> files) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path workspace = Files.createDirectory(directory.resolve("ws"));
        for (var file : files.entrySet()) {
            Path path = workspace.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        try (Sandbox sandbox = backend.open(SandboxSpec.of(workspace))) {
            return CompileCheck.run(sandbox, RunLimits.DEFAULTS);
        }
    }
}
