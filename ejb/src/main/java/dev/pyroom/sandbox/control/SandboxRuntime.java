package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The host files a backend binds read-only into every sandbox: the agent's modules, the seccomp filter and a synthetic
 * {@code /etc} that names the sandbox's user without revealing the host's accounts.
 */
final class SandboxRuntime implements AutoCloseable {

    static final int SANDBOX_UID = 1000;
    static final String HOSTNAME = "pyroom";

    private static final String PASSWD = """
            root:x:0:0:root:/root:/usr/sbin/nologin
            student:x:1000:1000:Student:/home/student:/bin/bash
            nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
            """;
    private static final String GROUP = """
            root:x:0:
            student:x:1000:
            nogroup:x:65534:
            """;
    private static final String HOSTS = """
            127.0.0.1 localhost
            ::1 localhost ip6-localhost ip6-loopback
            127.0.1.1 pyroom
            """;
    static final List<String> AGENT_MODULES = List.of(
            "agent.py",
            "pyroom_crowding.py",
            "pyroom_figures.py",
            "pyroom_frames.py",
            "pyroom_grader.py",
            "pyroom_limits.py",
            "pyroom_plots.py",
            "pyroom_processes.py",
            "pyroom_remote.py",
            "pyroom_run.py",
            "pyroom_site.py",
            "pyroom_student.py",
            "pyroom_terminal.py",
            "pyroom_wire.py",
            "pyroom_workspace.py");
    private static final long PYTHON_TIMEOUT_SECONDS = 30;
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path directory;

    private SandboxRuntime(Path directory) {
        this.directory = directory;
    }

    static SandboxRuntime create(Path parent, Path python) throws IOException {
        Path directory = Files.createTempDirectory(parent, "pyroom-sandbox-");
        SandboxRuntime runtime = new SandboxRuntime(directory);
        try {
            // Sandboxes may run as another host user, who must be able to read these files.
            Files.setPosixFilePermissions(directory, DIRECTORY);
            Files.setPosixFilePermissions(Files.createDirectory(directory.resolve("etc")), DIRECTORY);
            Files.setPosixFilePermissions(Files.createDirectory(runtime.agentHome()), DIRECTORY);
            for (String module : AGENT_MODULES) {
                runtime.copyResource("agent/" + module);
            }
            runtime.copyResource("seccomp_filter.py");
            writeEtc(directory, "passwd", PASSWD);
            writeEtc(directory, "group", GROUP);
            writeEtc(directory, "hosts", HOSTS);
            writeEtc(directory, "hostname", HOSTNAME + "\n");
            runtime.buildSeccompFilter(python);
            runtime.compileAgent(python);
            return runtime;
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /** The folder of the agent's modules; {@code agent.py} starts it. */
    Path agentHome() {
        return directory.resolve("agent");
    }

    Path seccompFilter() {
        return directory.resolve("seccomp.bpf");
    }

    Path etc(String name) {
        return directory.resolve("etc").resolve(name);
    }

    Path newErrorLog() throws IOException {
        return Files.createTempFile(directory, "sandbox-", ".log");
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new SandboxException("cannot remove " + directory, e);
        }
    }

    private void copyResource(String name) throws IOException {
        try (InputStream in = SandboxRuntime.class.getResourceAsStream("/sandbox/" + name)) {
            if (in == null) {
                throw new IOException("resource sandbox/" + name + " is missing");
            }
            Files.copy(in, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(directory.resolve(name), FILE);
    }

    private static void writeEtc(Path directory, String name, String content) throws IOException {
        Path file = directory.resolve("etc").resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, FILE);
    }

    private void buildSeccompFilter(Path python) throws IOException {
        runPython(
                python,
                "cannot build the sandbox's seccomp filter with " + python + " (is python3-seccomp installed?)",
                directory.resolve("seccomp_filter.py").toString(),
                seccompFilter().toString());
    }

    /**
     * Compiles the agent's modules once, here: the sandbox sees them read-only, so every sandbox would otherwise compile
     * them again as it starts.
     */
    private void compileAgent(Path python) throws IOException {
        runPython(
                python,
                "cannot compile the sandbox agent with " + python,
                "-m",
                "compileall",
                "-q",
                agentHome().toString());
        try (Stream<Path> compiled = Files.walk(agentHome())) {
            for (Path path : compiled.toList()) {
                Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
            }
        }
    }

    private static void runPython(Path python, String failure, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-I"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(PYTHON_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new SandboxException(failure + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while preparing sandboxes", e);
        } finally {
            process.destroyForcibly();
        }
    }
}
