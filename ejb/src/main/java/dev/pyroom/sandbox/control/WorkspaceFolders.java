package dev.pyroom.sandbox.control;

import dev.pyroom.workspace.entity.WorkspaceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The host folders sandboxes start from: {@code <root>/<node>/<random>}, bound read-only into the sandbox, which
 * works on a copy. Random names, so that a path seen inside a sandbox says nothing about whose workspace it is.
 */
final class WorkspaceFolders {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkspaceFolders() {}

    /** A fresh folder holding the workspace's folders and files as the database has them. */
    static Path materialize(Path nodeRoot, List<WorkspaceFile> files) {
        try {
            Files.createDirectories(nodeRoot);
            // Sandboxes run as an unprivileged host user that must be able to reach its own folder.
            Files.setPosixFilePermissions(nodeRoot, PosixFilePermissions.fromString("rwx--x--x"));
            byte[] name = new byte[12];
            RANDOM.nextBytes(name);
            Path folder = Files.createDirectory(nodeRoot.resolve(HexFormat.of().formatHex(name)));
            for (WorkspaceFile file : files) {
                Path target = folder.resolve(file.getPath().value());
                if (file.getKind() == WorkspaceFile.Kind.FOLDER) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.getContent());
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a workspace folder", e);
        }
    }

    /**
     * Deletes a folder tree. Links are deleted, never followed, though sandboxes cannot write these folders anyway.
     */
    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException error) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
