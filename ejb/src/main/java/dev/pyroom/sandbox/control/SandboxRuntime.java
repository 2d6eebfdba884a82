package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The host files a backend binds read-only into every sandbox: the agent, the seccomp filter and a synthetic
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
    private static final long FILTER_TIMEOUT_SECONDS = 30;
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
            runtime.copyResource("agent.py");
            runtime.copyResource("seccomp_filter.py");
            writeEtc(directory, "passwd", PASSWD);
            writeEtc(directory, "group", GROUP);
            writeEtc(directory, "hosts", HOSTS);
            writeEtc(directory, "hostname", HOSTNAME + "\n");
            runtime.buildSeccompFilter(python);
            return runtime;
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    Path agent() {
        return directory.resolve("agent.py");
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
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        python.toString(),
                        "-I",
                        directory.resolve("seccomp_filter.py").toString(),
                        seccompFilter().toString()))
                .redirectErrorStream(true);
        builder.environment().clear();
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(FILTER_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new SandboxException("cannot build the sandbox's seccomp filter with " + python
                        + " (is python3-seccomp installed?): " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while building the seccomp filter", e);
        } finally {
            process.destroyForcibly();
        }
    }
}
