package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The cgroup file systems in a mount table, as {@code /proc/self/mountinfo} lists them. */
record MountTable(List<String> lines) {

    static MountTable current() throws IOException {
        return new MountTable(Files.readAllLines(Path.of("/proc/self/mountinfo")));
    }

    Optional<Path> cgroup2() {
        return lines.stream()
                .map(MountTable::parse)
                .flatMap(Optional::stream)
                .filter(mount -> mount.type().equals("cgroup2"))
                .map(Mount::point)
                .findFirst();
    }

    /** The v1 hierarchy that carries {@code controller}, alone or with others ({@code cpu,cpuacct}). */
    Optional<Path> cgroup1(String controller) {
        return lines.stream()
                .map(MountTable::parse)
                .flatMap(Optional::stream)
                .filter(mount ->
                        mount.type().equals("cgroup") && mount.options().contains(controller))
                .map(Mount::point)
                .findFirst();
    }

    private record Mount(Path point, String type, List<String> options) {}

    // Fields: id parent major:minor root mount-point options [optional...] - type source super-options
    private static Optional<Mount> parse(String line) {
        int separator = line.indexOf(" - ");
        if (separator < 0) {
            return Optional.empty();
        }
        String[] before = line.substring(0, separator).split(" ");
        String[] after = line.substring(separator + 3).split(" ");
        if (before.length < 5 || after.length < 3) {
            return Optional.empty();
        }
        return Optional.of(new Mount(Path.of(unescape(before[4])), after[0], Arrays.asList(after[2].split(","))));
    }

    private static String unescape(String field) {
        return field.replace("\\040", " ")
                .replace("\\011", "\t")
                .replace("\\012", "\n")
                .replace("\\134", "\\");
    }
}
