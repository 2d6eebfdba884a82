package dev.pyroom.workspace.control;

import dev.pyroom.workspace.entity.FilePath;
import dev.pyroom.workspace.entity.InvalidNameException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Unpacks an uploaded zip archive into checked entries, or refuses all of it. Read from the central directory, which
 * is where a zip records symbolic links; each entry's content is counted as it inflates.
 */
final class ArchiveReader {

    /** Metadata that macOS adds to the archives it makes; nobody means to upload it. */
    private static final String MAC_METADATA = "__MACOSX/";

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:");
    private static final int FILE_TYPE = 0170000;
    private static final int REGULAR_FILE = 0100000;
    private static final int DIRECTORY = 0040000;

    private ArchiveReader() {}

    static List<UploadedEntry> entries(UploadPart archive, UploadBudget budget) {
        String archiveName = TextContent.printable(archive.fileName());
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(archive.bytes()))
                .get()) {
            List<UploadedEntry> entries = new ArrayList<>();
            for (Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder(); all.hasMoreElements(); ) {
                ZipArchiveEntry entry = all.nextElement();
                if (!entry.getName().startsWith(MAC_METADATA)) {
                    budget.addEntry();
                    entries.add(entry(zip, entry, archiveName + ": " + TextContent.printable(entry.getName()), budget));
                }
            }
            return entries;
        } catch (UploadRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UploadRefusedException(archiveName + " could not be read as a zip archive.");
        }
    }

    private static UploadedEntry entry(ZipFile zip, ZipArchiveEntry entry, String shown, UploadBudget budget)
            throws IOException {
        if (entry.isUnixSymlink() || !isFileOrFolder(entry)) {
            throw new UploadRefusedException(
                    shown + " is a link or a special file; Pyroom takes only files and folders.");
        }
        FilePath path = safePath(entry, shown);
        if (entry.isDirectory()) {
            return new UploadedEntry(path, null);
        }
        if (!zip.canReadEntryData(entry)) {
            throw new UploadRefusedException(shown + " is encrypted or packed in a way Pyroom cannot read.");
        }
        byte[] content;
        try (InputStream in = zip.getInputStream(entry)) {
            content = budget.read(in, shown);
        }
        return new UploadedEntry(path, UploadReader.text(content, shown));
    }

    private static boolean contains(byte[] bytes, byte wanted) {
        for (byte b : bytes) {
            if (b == wanted) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFileOrFolder(ZipArchiveEntry entry) {
        int type = entry.getUnixMode() & FILE_TYPE;
        return type == 0 || type == REGULAR_FILE || type == DIRECTORY;
    }

    /**
     * An entry's name as a path inside the workspace; anything that could point elsewhere is refused. Backslashes are
     * looked for in the raw name: the zip library turns them into slashes in names from Windows archives.
     */
    private static FilePath safePath(ZipArchiveEntry entry, String shown) {
        String name = entry.getName();
        if (name.indexOf('\\') >= 0 || contains(entry.getRawName(), (byte) '\\')) {
            throw new UploadRefusedException(shown + " has a backslash in its path; zip paths use /.");
        }
        if (name.startsWith("/") || DRIVE_LETTER.matcher(name).find()) {
            throw new UploadRefusedException(shown + " has an absolute path; only relative paths can be unpacked.");
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (Arrays.asList(path.split("/", -1)).contains("..")) {
            throw new UploadRefusedException(shown + " points outside the workspace (..).");
        }
        try {
            return new FilePath(path);
        } catch (InvalidNameException e) {
            throw new UploadRefusedException(shown + ": " + e.getMessage());
        }
    }
}
