package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.SandboxSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** The command line that starts one sandbox: a launcher shell, optionally setpriv, then bwrap and the agent. */
final class BubblewrapCommand {

    static final String WORKSPACE = "/workspace";
    static final String HOME = "/home/student";

    /** The whole environment of a sandbox, of bwrap itself too: its PID 1 would otherwise show it in /proc/1/environ. */
    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("PATH", "/usr/local/bin:/usr/bin:/bin"),
            Map.entry("HOME", HOME),
            Map.entry("USER", "student"),
            Map.entry("LOGNAME", "student"),
            Map.entry("SHELL", "/bin/bash"),
            Map.entry("LANG", "C.UTF-8"),
            Map.entry("TERM", "dumb"),
            Map.entry("PYTHONDONTWRITEBYTECODE", "1"),
            // One thread for numpy's BLAS: a thread per core would count against the run's processes and memory.
            Map.entry("OPENBLAS_NUM_THREADS", "1"),
            Map.entry("OMP_NUM_THREADS", "1"),
            // Matplotlib draws to files in terminals; a run replaces this to show its figures (pyroom_plots). Its
            // font cache is built on first use into the sandbox's own /tmp, never into the read-only system.
            Map.entry("MPLBACKEND", "Agg"),
            Map.entry("MPLCONFIGDIR", "/tmp/matplotlib"));

    // Holds the sandbox back until the host has put the launcher into its cgroup, then opens the seccomp filter
    // (named by $0) as fd 3 for bwrap.
    private static final String LAUNCHER = "read -r _ || exit 70; exec \"$@\" 3<\"$0\"";
    private static final String ISOLATION = "--unshare-user --disable-userns --unshare-pid --unshare-net --unshare-ipc"
            + " --unshare-uts --unshare-cgroup-try --die-with-parent --as-pid-1 --new-session --seccomp 3";
    private static final String AGENT_HOME = "/run/pyroom/agent";
    private static final String SEED = "/run/pyroom/seed";
    private static final List<String> ROOT_SYSTEM_DIRECTORIES =
            List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");
    private static final List<String> SYNTHETIC_ETC = List.of("passwd", "group", "hosts", "hostname");
    private static final List<String> HOST_ETC = List.of(
            "alternatives",
            "bash.bashrc",
            "fonts",
            "inputrc",
            "ld.so.cache",
            "ld.so.conf",
            "ld.so.conf.d",
            "localtime",
            "matplotlibrc");
    private static final long SMALL_TMPFS_BYTES = 8L * 1024 * 1024;

    private final List<String> fixed;
    private final String python;

    private BubblewrapCommand(List<String> fixed, String python) {
        this.fixed = fixed;
        this.python = python;
    }

    /** @param runAsUid host user to drop to before bwrap, or empty to start bwrap as the server's own user */
    static BubblewrapCommand of(BubblewrapSettings settings, SandboxRuntime runtime, OptionalInt runAsUid)
            throws IOException {
        List<String> command = new ArrayList<>();
        add(command, "/bin/sh", "-c", LAUNCHER, runtime.seccompFilter().toString());
        runAsUid.ifPresent(uid -> add(
                command, settings.setpriv().toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--"));
        add(command, settings.bwrap().toString());
        add(command, ISOLATION.split(" "));
        String uid = Integer.toString(SandboxRuntime.SANDBOX_UID);
        add(command, "--uid", uid, "--gid", uid, "--hostname", SandboxRuntime.HOSTNAME);
        addSystem(command, runtime);
        return new BubblewrapCommand(List.copyOf(command), settings.python().toString());
    }

    List<String> forSandbox(SandboxSpec spec) {
        List<String> command = new ArrayList<>(fixed);
        add(command, "--size", Long.toString(spec.tmpBytes()), "--tmpfs", "/tmp");
        add(command, "--size", Long.toString(SMALL_TMPFS_BYTES), "--tmpfs", HOME);
        // The host folder is only the seed the agent copies into a sized tmpfs: programs can neither fill the host's
        // disk nor leave links, FIFOs or hard links anywhere the host will look.
        add(command, "--ro-bind", spec.workspace().toString(), SEED);
        add(command, "--size", Long.toString(spec.workspaceBytes()), "--tmpfs", WORKSPACE);
        add(command, "--remount-ro", "/", "--chdir", WORKSPACE);
        add(command, python, "-I", "-S", AGENT_HOME + "/agent.py", SEED, WORKSPACE);
        return command;
    }

    /** A helper process with no workspace: only a sized private /tmp is writable, and {@code service} is PID 1. */
    List<String> forService(long tmpBytes, List<String> service) {
        List<String> command = new ArrayList<>(fixed);
        add(command, "--size", Long.toString(tmpBytes), "--tmpfs", "/tmp");
        add(command, "--remount-ro", "/", "--chdir", "/tmp");
        command.addAll(service);
        return command;
    }

    /** A read-only system, a synthetic /etc with a few host files, fresh /proc and /dev, and the agent. */
    private static void addSystem(List<String> command, SandboxRuntime runtime) throws IOException {
        add(command, "--ro-bind", "/usr", "/usr");
        for (String name : ROOT_SYSTEM_DIRECTORIES) {
            Path path = Path.of("/", name);
            if (Files.isSymbolicLink(path)) {
                add(command, "--symlink", Files.readSymbolicLink(path).toString(), path.toString());
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                add(command, "--ro-bind", path.toString(), path.toString());
            }
        }
        add(command, "--perms", "0755", "--dir", "/etc");
        for (String name : SYNTHETIC_ETC) {
            add(command, "--ro-bind", runtime.etc(name).toString(), "/etc/" + name);
        }
        for (String name : hostEtc()) {
            add(command, "--ro-bind-try", "/etc/" + name, "/etc/" + name);
        }
        add(command, "--proc", "/proc", "--dev", "/dev");
        add(command, "--size", Long.toString(SMALL_TMPFS_BYTES), "--tmpfs", "/dev/shm", "--remount-ro", "/dev");
        add(command, "--ro-bind", runtime.agentHome().toString(), AGENT_HOME);
    }

    /** The few host files programs need from /etc, plus the interpreter's own configuration. */
    private static List<String> hostEtc() throws IOException {
        List<String> names = new ArrayList<>(HOST_ETC);
        try (DirectoryStream<Path> pythons = Files.newDirectoryStream(Path.of("/etc"), "python3*")) {
            pythons.forEach(path -> names.add(path.getFileName().toString()));
        }
        return names;
    }

    private static void add(List<String> command, String... arguments) {
        Collections.addAll(command, arguments);
    }
}
