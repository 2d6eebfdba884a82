package dev.pyroom.lint.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The students' checkers of a test's fast workers: children of this JVM's descendants that have a fast worker's
 * command line, with the address space only that test's linter uses, and whose parent has the same command line.
 */
final class FastCheckers {

    private FastCheckers() {}

    static List<ProcessHandle> of(long addressSpace) {
        return ProcessHandle.current()
                .descendants()
                .filter(process -> isFastChecker(process.pid(), addressSpace))
                .toList();
    }

    static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        for (ProcessHandle process : processes) {
            new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                    .start()
                    .waitFor();
        }
    }

    private static boolean isFastChecker(long pid, long addressSpace) {
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            String parent = Files.readAllLines(proc.resolve("status")).stream()
                    .filter(line -> line.startsWith("PPid:"))
                    .findFirst()
                    .orElseThrow()
                    .split("\\s+")[1];
            String command = Files.readString(proc.resolve("cmdline"));
            return command.startsWith("/usr/bin/python3")
                    && command.contains("\0" + addressSpace + "\0")
                    && command.endsWith("fast\0")
                    && command.equals(Files.readString(Path.of("/proc", parent, "cmdline")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
