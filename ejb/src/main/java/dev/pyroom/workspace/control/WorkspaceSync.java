package dev.pyroom.workspace.control;

import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.InvalidNameException;
import dev.pyroom.workspace.entity.Workspace;
import dev.pyroom.workspace.entity.WorkspaceFile;
import dev.pyroom.workspace.entity.WorkspaceUsage;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings changes that programs or the terminal made in a sandbox back into the database, which stays the truth. Only
 * text files with acceptable names, within the workspace's limits, are stored; everything else is refused with a
 * reason.
 */
@Dependent
public class WorkspaceSync {

    @Inject
    FileRepository files;

    @Inject
    WorkspaceLimits limits;

    public SyncReport apply(Workspace workspace, List<FileChange> changes) {
        return apply(workspace, changes, OffsetDateTime.MAX);
    }

    /** As {@link #apply(Workspace, List)}, except that a file stored after {@code editsWinAfter} is left as it is. */
    public SyncReport apply(Workspace workspace, List<FileChange> changes, OffsetDateTime editsWinAfter) {
        var outcome = new Outcome(files.usage(workspace.getId()));
        OffsetDateTime now = OffsetDateTime.now();
        for (FileChange change : changes) {
            try {
                FilePath path = new FilePath(change.path());
                if (change.isDeletion()) {
                    delete(workspace, path, outcome);
                } else if (change.folder()) {
                    createFolder(workspace, path, now, outcome);
                } else {
                    write(workspace, path, change.content(), now, editsWinAfter, outcome);
                }
            } catch (InvalidNameException e) {
                outcome.refused.add(TextContent.printable(change.path()) + ": " + e.getMessage());
            }
        }
        return new SyncReport(outcome.stored, outcome.deleted, outcome.refused);
    }

    private void write(
            Workspace workspace,
            FilePath path,
            byte[] content,
            OffsetDateTime now,
            OffsetDateTime editsWinAfter,
            Outcome outcome) {
        if (content.length > WorkspaceFile.MAX_SIZE_BYTES) {
            outcome.refused.add(path + ": larger than " + WorkspaceFile.MAX_SIZE_BYTES / 1024 + " KiB, not saved");
            return;
        }
        Optional<String> text = TextContent.decode(content);
        if (text.isEmpty()) {
            outcome.refused.add(path + ": not a text file, not saved");
            return;
        }
        Optional<WorkspaceFile> existing = files.findForUpdate(workspace.getId(), path);
        if (existing.isPresent() && existing.get().getUpdatedAt().isAfter(editsWinAfter)) {
            return;
        }
        long growth = content.length - existing.map(WorkspaceFile::getSizeBytes).orElse(0);
        int newEntries = existing.isPresent() ? 0 : 1;
        if (!outcome.fits(newEntries, growth, limits)) {
            outcome.refused.add(path + ": the workspace is full, not saved");
            return;
        }
        if (existing.isPresent() && existing.get().getKind() == WorkspaceFile.Kind.FILE) {
            existing.get().write(text.get(), now);
        } else if (existing.isEmpty()) {
            files.add(WorkspaceFile.file(workspace, path, text.get(), now));
        } else {
            outcome.refused.add(path + ": a folder of that name exists, not saved");
            return;
        }
        outcome.record(newEntries, growth);
        outcome.stored++;
    }

    private void createFolder(Workspace workspace, FilePath path, OffsetDateTime now, Outcome outcome) {
        if (files.find(workspace.getId(), path).isPresent()) {
            return;
        }
        if (!outcome.fits(1, 0, limits)) {
            outcome.refused.add(path + ": the workspace is full, not saved");
            return;
        }
        files.add(WorkspaceFile.folder(workspace, path, now));
        outcome.record(1, 0);
        outcome.stored++;
    }

    private void delete(Workspace workspace, FilePath path, Outcome outcome) {
        files.find(workspace.getId(), path).ifPresent(file -> {
            files.remove(file);
            outcome.record(-1, -file.getSizeBytes());
            outcome.deleted++;
        });
    }

    private static final class Outcome {
        private int entries;
        private long bytes;
        private int stored;
        private int deleted;
        private final List<String> refused = new ArrayList<>();

        Outcome(WorkspaceUsage usage) {
            entries = usage.entries();
            bytes = usage.bytes();
        }

        boolean fits(int moreEntries, long moreBytes, WorkspaceLimits limits) {
            return entries + moreEntries <= limits.maxEntries() && bytes + moreBytes <= limits.maxBytes();
        }

        void record(int moreEntries, long moreBytes) {
            entries += moreEntries;
            bytes += moreBytes;
        }
    }
}
