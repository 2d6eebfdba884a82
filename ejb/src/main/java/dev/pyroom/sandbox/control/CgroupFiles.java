package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and writing cgroup control files, and the per-server directory both cgroup versions share. */
final class CgroupFiles {

    private static final Logger LOG = Logger.getLogger(CgroupFiles.class.getName());
    private static final Pattern INSTANCE = Pattern.compile("server-(\\d+)");
    private static final int CPU_PERIOD_MICROS = 100_000;

    private CgroupFiles() {}

    static void write(Path file, String value) throws IOException {
        try {
            Files.write(file, value.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot write " + value + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The number after {@code key} in a flat-keyed file such as {@code memory.events}; 0 when absent. */
    static long counter(Path file, String key) throws IOException {
        Matcher matcher =
                Pattern.compile("(?m)^" + Pattern.quote(key) + " (\\d+)$").matcher(Files.readString(file));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    /**
     * Whether no task is charged to the cgroup. Dead tasks leave {@code cgroup.procs} before they are reaped, yet stay
     * charged against {@code pids.max} until then; a slot handed on too early would give its next sandbox fewer
     * processes.
     */
    static boolean hasNoTasks(Path pidsDirectory) throws IOException {
        return Files.readString(pidsDirectory.resolve("pids.current")).trim().equals("0");
    }

    static long cpuQuotaMicros(double cores) {
        return Math.max(1000, Math.round(cores * CPU_PERIOD_MICROS));
    }

    static int cpuPeriodMicros() {
        return CPU_PERIOD_MICROS;
    }

    /** This server's directory under {@code parent}: named after its PID, so that two servers on a host never meet. */
    static Path instance(Path parent) {
        return parent.resolve("server-" + ProcessHandle.current().pid());
    }

    /** Removes directories of servers that died without cleaning up; their sandboxes died with them. */
    static void removeDeadInstances(Path parent) throws IOException {
        try (DirectoryStream<Path> instances = Files.newDirectoryStream(parent, Files::isDirectory)) {
            for (Path instance : instances) {
                Matcher matcher = INSTANCE.matcher(instance.getFileName().toString());
                if (matcher.matches()
                        && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
                    removeTree(instance);
                }
            }
        }
    }

    /** Removes a cgroup and its children; cgroup directories go with rmdir, leaves first. */
    static void removeTree(Path directory) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory, Files::isDirectory)) {
            for (Path child : children) {
                removeTree(child);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot remove cgroup " + directory, e);
        }
    }
}
