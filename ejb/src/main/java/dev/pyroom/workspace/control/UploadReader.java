package dev.pyroom.workspace.control;

import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.InvalidNameException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the files of one upload into checked folders and text files, unpacking zip archives, or refuses the whole
 * upload with a message naming the file at fault. Pure logic: nothing here touches the workspace.
 */
public final class UploadReader {

    private UploadReader() {}

    /** @throws UploadRefusedException when anything in the upload is unacceptable */
    public static List<UploadedEntry> read(List<UploadPart> parts, UploadLimits limits) {
        if (parts.isEmpty()) {
            throw new UploadRefusedException("Choose a file to upload.");
        }
        long sent = parts.stream().mapToLong(part -> part.bytes().length).sum();
        if (sent > limits.maxUploadBytes()) {
            throw new UploadRefusedException("An upload can be at most " + mebibytes(limits.maxUploadBytes())
                    + "; this one is " + mebibytes(sent) + ".");
        }
        UploadBudget budget = new UploadBudget(limits);
        Map<String, UploadedEntry> entries = new LinkedHashMap<>();
        for (UploadPart part : parts) {
            List<UploadedEntry> found =
                    part.isZip() ? ArchiveReader.entries(part, budget) : List.of(plainFile(part, budget));
            for (UploadedEntry entry : found) {
                UploadedEntry earlier = entries.putIfAbsent(entry.path().value(), entry);
                if (earlier != null && !(earlier.isFolder() && entry.isFolder())) {
                    throw new UploadRefusedException(
                            TextContent.printable(entry.path().value()) + " comes twice in this upload.");
                }
            }
        }
        return List.copyOf(entries.values());
    }

    private static UploadedEntry plainFile(UploadPart part, UploadBudget budget) {
        String shown = TextContent.printable(part.fileName());
        budget.addEntry();
        budget.count(part.bytes(), shown);
        try {
            return new UploadedEntry(new FilePath(part.fileName()), text(part.bytes(), shown));
        } catch (InvalidNameException e) {
            throw new UploadRefusedException(shown + ": " + e.getMessage());
        }
    }

    static String text(byte[] content, String shownName) {
        return TextContent.decode(content)
                .orElseThrow(() -> new UploadRefusedException(shownName
                        + " is not a text file (it is not UTF-8 text, or holds NUL bytes); Pyroom keeps text files"
                        + " such as .py, .txt, .csv only."));
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
