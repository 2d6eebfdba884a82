package dev.pyroom.lint.control;

import dev.pyroom.lint.entity.Tier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line that starts one lint worker, sandboxed or not. */
final class WorkerCommand {

    private static final String NOBODY = "65534";
    private static final List<String> ROOT_SYSTEM_DIRECTORIES =
            List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

    private WorkerCommand() {}

    // The worker's source arrives as the first line on stdin, so that no host file needs binding into the sandbox.
    private static final String BOOTSTRAP = "import json, sys; exec(json.loads(sys.stdin.buffer.readline())['script'])";

    static List<String> of(LintSettings settings, Tier tier) {
        List<String> command = new ArrayList<>();
        if (settings.sandbox() == LintSettings.Sandbox.BWRAP) {
            command.addAll(bubblewrap(settings));
        }
        // -I ignores PYTHON* variables and keeps the working directory off sys.path; -S skips site-packages setup,
        // which the worker does itself for Debian's packages only.
        command.addAll(List.of(
                settings.python().toString(),
                "-I",
                "-S",
                "-c",
                BOOTSTRAP,
                tier.name().toLowerCase(Locale.ROOT),
                Long.toString(settings.addressSpaceBytes())));
        return List.copyOf(command);
    }

    private static List<String> bubblewrap(LintSettings settings) {
        List<String> arguments = new ArrayList<>(List.of(
                settings.bwrap().toString(),
                "--unshare-all",
                "--unshare-user",
                "--disable-userns",
                "--uid",
                NOBODY,
                "--gid",
                NOBODY,
                "--die-with-parent",
                "--new-session",
                "--cap-drop",
                "ALL",
                "--ro-bind",
                "/usr",
                "/usr"));
        for (String name : ROOT_SYSTEM_DIRECTORIES) {
            Path path = Path.of("/", name);
            if (Files.isSymbolicLink(path)) {
                arguments.addAll(List.of("--symlink", readLink(path), path.toString()));
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                arguments.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        arguments.addAll(List.of(
                "--ro-bind-try",
                "/etc/ld.so.cache",
                "/etc/ld.so.cache",
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--remount-ro",
                "/dev",
                "--size",
                Long.toString(settings.tmpBytes()),
                "--tmpfs",
                "/tmp",
                "--remount-ro",
                "/",
                "--chdir",
                "/tmp"));
        return arguments;
    }

    private static String readLink(Path path) {
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
