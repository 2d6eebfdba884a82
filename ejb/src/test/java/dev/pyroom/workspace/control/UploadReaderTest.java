package dev.pyroom.workspace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadReaderTest {

    private static final UploadLimits LIMITS = new UploadLimits(1024 * 1024, 20, 4 * 1024 * 1024);
    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @Test
    void aPythonFileIsTakenAsText() {
        List<UploadedEntry> entries = read(new UploadPart("hello.py", utf8("print('hi')\n")));

        assertEquals(
                List.of(new UploadedEntry(new dev.pyroom.workspace.entity.FilePath("hello.py"), "print('hi')\n")),
                entries);
    }

    @Test
    void aZipBringsItsFoldersAndFiles() throws IOException {
        byte[] zip = zip("lib/", "", "lib/helpers.py", "def helper():\n    return 1\n", "main.py", "import lib\n");

        List<UploadedEntry> entries = read(new UploadPart("project.ZIP", zip));

        assertEquals(List.of("lib", "lib/helpers.py", "main.py"), paths(entries));
        assertTrue(entries.get(0).isFolder());
        assertEquals("import lib\n", entries.get(2).content());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../evil.py",
                "lib/../../evil.py",
                "/etc/passwd",
                "C:/Windows/evil.py",
                "c:evil.py",
                "lib\\evil.py",
                "..\\evil.py"
            })
    void entriesThatCouldLandOutsideTheWorkspaceAreRefused(String name) throws IOException {
        byte[] zip = zip("main.py", "print(1)\n", name, "print('gotcha')\n");

        UploadRefusedException refused = refused(new UploadPart("evil.zip", zip));

        assertTrue(refused.getMessage().startsWith("evil.zip: "), refused.getMessage());
    }

    @Test
    void aBinaryFileInsideAnArchiveIsRefusedByName() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("main.py"));
            zip.write(utf8("print(1)\n"));
            zip.putNextEntry(new ZipEntry("images/cat.png"));
            zip.write(PNG_START);
        }

        UploadRefusedException refused = refused(new UploadPart("lab.zip", bytes.toByteArray()));

        assertTrue(refused.getMessage().startsWith("lab.zip: images/cat.png is not a text file"), refused.getMessage());
    }

    @Test
    void binaryAndInvalidUtf8FilesAreRefusedByName() {
        assertTrue(refused(new UploadPart("cat.png", PNG_START)).getMessage().startsWith("cat.png is not a text file"));
        byte[] latin1 = "caf\u00e9 = 1\n".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(refused(new UploadPart("menu.py", latin1)).getMessage().startsWith("menu.py is not a text file"));
    }

    @Test
    void aSymbolicLinkIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            ZipArchiveEntry link = new ZipArchiveEntry("secrets.txt");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write(utf8("/etc/shadow"));
            zip.closeArchiveEntry();
        }

        UploadRefusedException refused = refused(new UploadPart("links.zip", bytes.toByteArray()));

        assertEquals(
                "links.zip: secrets.txt is a link or a special file; Pyroom takes only files and folders.",
                refused.getMessage());
    }

    @Test
    void aFileThatInflatesPastTheSizeOfAFileIsRefused() throws IOException {
        byte[] bomb = zip("bomb.txt", "a".repeat(50 * 1024 * 1024));
        assertTrue(bomb.length < 200 * 1024, "the archive itself is small: " + bomb.length);

        UploadRefusedException refused = refused(new UploadPart("bomb.zip", bomb));

        assertEquals("bomb.zip: bomb.txt is larger than 1024 KiB, the most a file can hold.", refused.getMessage());
    }

    @Test
    void manyFilesThatTogetherInflatePastTheUploadLimitAreRefused() throws IOException {
        String[] namesAndContents = new String[2 * 6];
        for (int i = 0; i < 6; i++) {
            namesAndContents[2 * i] = "part" + i + ".txt";
            namesAndContents[2 * i + 1] = "b".repeat(900 * 1024);
        }

        UploadRefusedException refused = refused(new UploadPart("parts.zip", zip(namesAndContents)));

        assertEquals(
                "Unpacked, this upload holds more than 4.0 MiB, the most an upload may add.", refused.getMessage());
    }

    @Test
    void sizesDeclaredInTheArchiveAreNotBelieved() throws IOException {
        byte[] zip = zip("small.txt", "c".repeat(2 * 1024 * 1024));
        declareUncompressedSize(zip, 10);

        UploadRefusedException refused = refused(new UploadPart("liar.zip", zip));

        assertTrue(refused.getMessage().startsWith("liar.zip"), refused.getMessage());
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        String[] namesAndContents = new String[2 * 21];
        for (int i = 0; i < 21; i++) {
            namesAndContents[2 * i] = "f" + i + ".py";
            namesAndContents[2 * i + 1] = "";
        }

        UploadRefusedException refused = refused(new UploadPart("many.zip", zip(namesAndContents)));

        assertEquals("An upload can add at most 20 files and folders; this one has more.", refused.getMessage());
    }

    @Test
    void anUploadLargerThanAllowedIsRefusedBeforeItIsRead() {
        UploadRefusedException refused = refused(new UploadPart("big.py", new byte[1024 * 1024 + 1]));

        assertEquals("An upload can be at most 1.0 MiB; this one is 1.0 MiB.", refused.getMessage());
    }

    @Test
    void theSamePathTwiceIsRefused() throws IOException {
        UploadRefusedException refused =
                refused(new UploadPart("main.py", utf8("a\n")), new UploadPart("lab.zip", zip("main.py", "b\n")));

        assertEquals("main.py comes twice in this upload.", refused.getMessage());
    }

    @Test
    void somethingThatIsNotAZipIsRefusedByName() {
        UploadRefusedException refused = refused(new UploadPart("notes.zip", utf8("just text")));

        assertEquals("notes.zip could not be read as a zip archive.", refused.getMessage());
    }

    @Test
    void macOsMetadataIsLeftOut() throws IOException {
        byte[] zip = zip("main.py", "print(1)\n", "__MACOSX/._main.py", "\0\5\26\7");

        assertEquals(List.of("main.py"), paths(read(new UploadPart("mac.zip", zip))));
    }

    @Test
    void namesWithControlCharactersAreShownOnOneLine() {
        UploadRefusedException refused = refused(new UploadPart("a\nb.png", PNG_START));

        assertEquals("a?b.png: A path cannot contain \\ or control characters.", refused.getMessage());
    }

    private static List<UploadedEntry> read(UploadPart... parts) {
        return UploadReader.read(List.of(parts), LIMITS);
    }

    private static UploadRefusedException refused(UploadPart... parts) {
        return assertThrows(UploadRefusedException.class, () -> read(parts));
    }

    private static List<String> paths(List<UploadedEntry> entries) {
        return entries.stream().map(entry -> entry.path().value()).toList();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip of names and contents, in pairs; a name ending in / is a folder. */
    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(utf8(namesAndContents[i + 1]));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Rewrites the uncompressed size in every central directory header, as a forged archive would. */
    private static void declareUncompressedSize(byte[] zip, int size) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 <= zip.length; at++) {
            if (buffer.getInt(at) == 0x02014b50) {
                buffer.putInt(at + 24, size);
            }
        }
    }
}
