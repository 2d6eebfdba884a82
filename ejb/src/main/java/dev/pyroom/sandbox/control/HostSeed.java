package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Gives a sandbox the files of a host folder through its agent, for backends that cannot bind the folder in: the
 * engine may run on another machine. Only folders and regular files are copied; links are neither followed nor copied.
 */
final class HostSeed {

    private HostSeed() {}

    static void copy(Path folder, Sandbox sandbox) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                if (!directory.equals(folder)) {
                    sandbox.makeFolder(workspacePath(folder, directory));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    sandbox.writeFile(workspacePath(folder, file), Files.readAllBytes(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String workspacePath(Path folder, Path entry) {
        return StreamSupport.stream(folder.relativize(entry).spliterator(), false)
                .map(Path::toString)
                .collect(Collectors.joining("/"));
    }
}
