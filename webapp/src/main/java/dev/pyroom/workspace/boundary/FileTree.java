package dev.pyroom.workspace.boundary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/** Turns a workspace's flat list of paths into the tree the editor shows. */
final class FileTree {

    private FileTree() {}

    /** Entries come parents first, as {@link WorkspaceFiles#list} returns them. */
    static TreeNode<FileEntry> of(List<FileEntry> entries) {
        TreeNode<FileEntry> root = new DefaultTreeNode<>("root", null, null);
        Map<String, TreeNode<FileEntry>> folders = new HashMap<>();
        folders.put("", root);
        for (FileEntry entry : entries) {
            TreeNode<FileEntry> parent = folders.getOrDefault(entry.parent(), root);
            TreeNode<FileEntry> node = new DefaultTreeNode<>(entry.folder() ? "folder" : "file", entry, parent);
            if (entry.folder()) {
                node.setExpanded(true);
                folders.put(entry.path(), node);
            }
        }
        return root;
    }

    /** The file to open when none was asked for: {@code main.py} if there is one, else the first Python file. */
    static String firstFile(List<FileEntry> entries) {
        List<String> files =
                entries.stream().filter(e -> !e.folder()).map(FileEntry::path).toList();
        if (files.contains("main.py")) {
            return "main.py";
        }
        return files.stream()
                .filter(path -> path.endsWith(".py"))
                .findFirst()
                .orElse(files.isEmpty() ? null : files.get(0));
    }
}
