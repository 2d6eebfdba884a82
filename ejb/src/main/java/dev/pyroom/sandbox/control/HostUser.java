package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who the server runs as on the host. */
final class HostUser {

    private HostUser() {}

    static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("Uid:"))
                .map(line -> line.split("\\s+")[2])
                .findFirst()
                .map("0"::equals)
                .orElseThrow(() -> new IOException("no Uid line in /proc/self/status"));
    }
}
