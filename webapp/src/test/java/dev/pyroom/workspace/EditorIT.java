package dev.pyroom.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.MouseButton;
import dev.pyroom.BrowserTest;
import dev.pyroom.EditorUpload;
import dev.pyroom.WorkspaceForm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A student in the editor: writing, saving, reloading, running with input, stopping, managing files. */
class EditorIT extends BrowserTest {
    @Test
    void studentWritesCodeThatSurvivesAReloadAndRunsItWithInput() {
        Page page = openNewWorkspace("student");

        replaceCode(page, "name = input(\"Name? \")\nprint(\"Hello,\", name)\n");
        assertThat(page.locator("#save-state")).hasText("Saved");
        page.reload();
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("input(\"Name? \")");

        page.locator("[id$=':run']").click();
        assertThat(page.locator("#output")).containsText("Name? ");
        page.locator("#stdin").fill("Ada");
        page.locator("#stdin").press("Enter");

        assertThat(page.locator("#output")).containsText("Hello, Ada");
        assertThat(page.locator("#output")).containsText("Program finished (exit code 0).");

        replaceCode(page, "print('second version')\n");
        assertThat(page.locator("#save-state")).hasText("Saved");
        page.locator("[id$=':run']").click();
        assertThat(page.locator("#output")).containsText("second version");
    }

    @Test
    void anUndefinedNameIsMarkedAndExplainedUntilItIsFixed() {
        Page page = openNewWorkspace("student");

        replaceCode(page, "greeting = 'hi'\nprint(greting)\n");

        Locator problem = page.locator("#problems li", new Page.LocatorOptions().setHasText("Line 2"));
        assertThat(problem).containsText("undefined-variable");
        assertThat(page.locator(".monaco-editor .squiggly-error")).not().hasCount(0);
        problem.click();
        assertThat(page.locator("#explanation-title")).not().isEmpty();
        assertThat(page.locator("#explanation-after")).not().isEmpty();

        replaceCode(page, "greeting = 'hi'\nprint(greeting)\n");

        assertThat(page.locator("#problems li")).hasCount(0);
        assertThat(page.locator(".monaco-editor .squiggly-error")).hasCount(0);
    }

    @Test
    void aRunEndingInATypoIsExplainedWithTheNameMeantAndItsLineMarked() {
        Page page = openNewWorkspace("student");
        replaceCode(page, "greeting = 'hi'\nprint(greting)\n");

        page.locator("[id$=':run']").click();

        assertThat(page.locator("#output")).containsText("NameError: name 'greting' is not defined");
        Locator explanation = page.locator("#run-explanation");
        assertThat(explanation).isVisible();
        assertThat(explanation.locator(".run-explanation-exception")).hasText("NameError");
        assertThat(explanation).containsText("Did you mean greeting? Change greting to greeting on line 2.");
        assertThat(page.locator(".monaco-editor .run-error-line")).hasCount(1);
        assertThat(page.locator(".monaco-editor .view-overlays > div").nth(1).locator(".run-error-line"))
                .hasCount(1);

        explanation.locator(".run-explanation-line").click();
        assertEquals(2, page.evaluate("PF('code').getMonaco().getPosition().lineNumber"));

        replaceCode(page, "greeting = 'hi'\nprint(greeting)\n");
        page.locator("[id$=':run']").click();
        assertThat(page.locator("#output")).containsText("Program finished (exit code 0).");
        assertThat(explanation).isHidden();
        assertThat(page.locator(".monaco-editor .run-error-line")).hasCount(0);
    }

    @Test
    void theTerminalRunsShellCommandsInTheWorkspace() {
        Page page = openNewWorkspace("student");

        page.locator("[id$=':openTerminal']").click();
        Locator screen = page.locator("#terminal .xterm-rows");
        page.locator("#terminal").click();
        page.keyboard().type("ls\r");
        assertThat(screen).containsText("main.py");
        page.keyboard().type("python3 -V\r");

        assertThat(screen).containsText("Python 3.");
    }

    @Test
    void stopEndsAProgramThatWouldRunForever() {
        Page page = openNewWorkspace("student");
        replaceCode(page, "print(\"looping\", flush=True)\nwhile True:\n    pass\n");
        assertThat(page.locator("#save-state")).hasText("Saved");

        page.locator("[id$=':run']").click();
        assertThat(page.locator("#output")).containsText("looping");
        page.locator("[id$=':stop']").click();

        assertThat(page.locator("#output")).containsText("Stopped.");
    }

    @Test
    void programOutputWithMarkupIsShownAsText() {
        Page page = openNewWorkspace("student");
        page.onDialog(dialog -> {
            throw new AssertionError("a script ran: " + dialog.message());
        });
        replaceCode(page, "print('<b>bold</b><img src=x onerror=alert(1)>')\n");
        assertThat(page.locator("#save-state")).hasText("Saved");

        page.locator("[id$=':run']").click();

        assertThat(page.locator("#output")).containsText("<b>bold</b><img src=x onerror=alert(1)>");
        assertThat(page.locator("#output b")).hasCount(0);
        assertThat(page.locator("#output img")).hasCount(0);
    }

    @Test
    void aPlotTheProgramShowsAppearsAsAnImageInTheOutput() {
        Page page = openNewWorkspace("student");
        replaceCode(page, """
                import matplotlib.pyplot as plt
                print('plotting squares')
                plt.plot([1, 2, 3], [1, 4, 9])
                plt.show()
                print('done')
                """);
        assertThat(page.locator("#save-state")).hasText("Saved");

        page.locator("[id$=':run']").click();

        // The first plot of a sandbox builds matplotlib's font cache: it may take a few seconds.
        Locator figure = page.locator("#output img.figure");
        assertThat(figure).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(figure).hasAttribute("alt", "Figure 1");
        assertThat(figure).hasAttribute("src", Pattern.compile("^data:image/png;base64,iVBORw0KGgo"));
        assertThat(figure).hasJSProperty("naturalWidth", 640);
        assertThat(page.locator("#output")).containsText("plotting squares");
        assertThat(page.locator("#output")).containsText("Program finished (exit code 0).");
        assertEquals(
                List.of("plotting squares", "IMG", "done"),
                page.locator("#output > *")
                        .evaluateAll(
                                "nodes => nodes.map(node => node.tagName === 'IMG' ? 'IMG' : node.textContent.trim())"
                                        + ".filter(text => text === 'IMG' || text === 'plotting squares' || text === 'done')"));
    }

    @Test
    void openFilesGetTabsThatMarkUnsavedChanges() {
        Page page = openNewWorkspace("student");
        newFile(page, "lib/helpers.py");
        assertThat(page.locator("#file-name")).hasText("lib/helpers.py");
        Locator tabs = page.locator("#tabs .tab");
        assertThat(tabs).hasText(new String[] {"main.py●×", "helpers.py●×"});
        assertThat(page.locator("#tabs .tab.current")).containsText("helpers.py");

        Locator editor = page.locator(".monaco-editor textarea");
        editor.focus();
        page.keyboard().insertText("VALUE = 1\n");
        assertThat(page.locator("#tabs .tab.current.unsaved .unsaved-marker")).isVisible();
        assertThat(page.locator("#save-state")).hasText("Saved");
        assertThat(page.locator("#tabs .tab.unsaved")).hasCount(0);

        page.locator("#tabs .tab a", new Page.LocatorOptions().setHasText("main.py"))
                .click();
        assertThat(page.locator("#file-name")).hasText("main.py");
        assertThat(page.locator("#tabs .tab.current")).containsText("main.py");
        page.getByLabel("Close lib/helpers.py").click();
        assertThat(tabs).hasCount(1);
        page.reload();
        assertThat(tabs).hasCount(1);
        page.locator(".tree-file", new Page.LocatorOptions().setHasText("helpers.py"))
                .click();
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("VALUE = 1");
    }

    @Test
    void outputShowsColoursAndKeepsOnlyTheLastLinesOfALongRun() {
        Page page = openNewWorkspace("student");
        replaceCode(
                page,
                "import sys\nprint('\\033[31mred\\033[0m plain')\n"
                        + "print('oops', file=sys.stderr)\nfor i in range(5000):\n    print('line', i)\n");
        assertThat(page.locator("#save-state")).hasText("Saved");

        page.locator("[id$=':run']").click();

        assertThat(page.locator("#output")).containsText("line 4999");
        assertThat(page.locator("#output")).containsText("Program finished (exit code 0).");
        assertThat(page.locator("#output-trimmed")).isVisible();
        assertThat(page.locator("#output")).not().containsText("red plain");
        assertThat(page.locator("#output")).not().containsText("[31m");
        replaceCode(
                page,
                "import sys\nprint('\\033[31mred\\033[0m plain', flush=True)\n" + "print('oops', file=sys.stderr)\n");
        assertThat(page.locator("#save-state")).hasText("Saved");
        page.locator("[id$=':run']").click();
        assertThat(page.locator("#output .stdout.ansi-fg-1")).hasText("red");
        assertThat(page.locator("#output .stderr")).hasText("oops");
        assertThat(page.locator("#output-trimmed")).isHidden();
    }

    @Test
    void studentAddsAFileInAFolderAndDeletesIt() {
        Page page = openNewWorkspace("student");

        newFile(page, "lib/helpers.py");
        assertThat(page.locator("#file-name")).hasText("lib/helpers.py");
        assertThat(page.locator(".file-tree")).containsText("helpers.py");
        page.locator(".tree-file", new Page.LocatorOptions().setHasText("main.py"))
                .click();
        assertThat(page.locator("#file-name")).hasText("main.py");
        page.locator(".tree-file", new Page.LocatorOptions().setHasText("helpers.py"))
                .click();
        assertThat(page.locator("#file-name")).hasText("lib/helpers.py");

        page.locator("[id$=':deleteFile']").click();
        page.locator(".ui-confirmdialog-yes").click();

        assertThat(page.locator(".file-tree")).not().containsText("helpers.py");
        assertThat(page.locator("#file-name")).hasText("main.py");
    }

    @Test
    void aRenamedFolderTakesItsFilesAlongAndNothingIsOverwritten() {
        Page page = openNewWorkspace("student");
        newFile(page, "lib/helpers.py");
        assertThat(page.locator("#file-name")).hasText("lib/helpers.py");
        replaceCode(page, "HELPER = 1\n");
        assertThat(page.locator("#save-state")).hasText("Saved");

        page.locator(".tree-folder", new Page.LocatorOptions().setHasText("lib"))
                .click(new Locator.ClickOptions().setButton(MouseButton.RIGHT));
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Rename / move…"))
                .click();
        assertThat(page.locator("#move-subject")).hasText("lib");
        page.locator("input[id$=':moveTo']").fill("tools");
        page.locator("[id$=':move']").click();

        assertThat(page.locator(".ui-messages")).containsText("lib is now tools.");
        assertThat(page.locator("#file-name")).hasText("tools/helpers.py");
        page.locator("#rename-action").click();
        assertThat(page.locator("#move-subject")).hasText("tools/helpers.py");
        page.locator("input[id$=':moveTo']").fill("main.py");
        page.locator("[id$=':move']").click();
        assertThat(page.locator(".ui-messages")).containsText("Something called main.py exists already");

        page.reload();
        page.locator(".tree-file", new Page.LocatorOptions().setHasText("helpers.py"))
                .click();
        assertThat(page.locator("#file-name")).hasText("tools/helpers.py");
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("HELPER = 1");
        assertThat(page.locator(".tree-folder", new Page.LocatorOptions().setHasText("lib")))
                .hasCount(0);
        page.locator(".tree-file", new Page.LocatorOptions().setHasText("main.py"))
                .click();
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");
    }

    @Test
    void theWorkspaceDownloadsAsAZipWithItsFiles() throws IOException {
        Page page = openNewWorkspace("student");
        newFile(page, "lib/helpers.py");
        assertThat(page.locator("#file-name")).hasText("lib/helpers.py");

        Download download = page.waitForDownload(() -> page.locator("#download").click());

        Map<String, String> zip = unzip(download.path());
        assertEquals("print(\"Hello, Pyroom!\")\n", zip.get("main.py"));
        assertEquals("", zip.get("lib/helpers.py"));
        assertTrue(zip.containsKey("lib/"), zip.keySet().toString());
    }

    @Test
    void anotherStudentCannotOpenTheWorkspace() {
        Page owner = openNewWorkspace("student");
        String editorUrl = owner.url();

        Page other = signedIn("student2", "my/workspaces.xhtml");

        assertEquals(404, other.navigate(editorUrl).status());
        String workspaceId = editorUrl.replaceAll(".*workspace=(\\d+).*", "$1");
        assertEquals(
                404,
                other.request()
                        .get(base() + "api/workspaces/" + workspaceId + "/download")
                        .status());
        assertThat(other.locator(".monaco-editor")).hasCount(0);
    }

    @Test
    void anUploadedZipShowsItsFilesWhichDownloadAndSurviveAReload() throws IOException {
        Page page = openNewWorkspace("student");

        upload(
                page,
                new FilePayload(
                        "lab.zip",
                        "application/zip",
                        zip("lib/helpers.py", "def helper():\n    return 42\n", "data/numbers.txt", "1\n2\n3\n")));

        assertThat(page.locator(".ui-messages")).containsText("Uploaded 2 files");
        assertThat(page.locator(".file-tree")).containsText("helpers.py");
        assertThat(page.locator(".file-tree")).containsText("numbers.txt");
        Download download = page.waitForDownload(() -> page.locator("#download").click());
        Map<String, String> zip = unzip(download.path());
        assertEquals("def helper():\n    return 42\n", zip.get("lib/helpers.py"));
        assertEquals("1\n2\n3\n", zip.get("data/numbers.txt"));
        page.reload();
        page.locator(".tree-file", new Page.LocatorOptions().setHasText("helpers.py"))
                .click();
        assertThat(page.locator("#file-name")).hasText("lib/helpers.py");
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("return 42");
    }

    @Test
    void aHostileOrClashingUploadGetsAClearMessageAndChangesNothing() throws IOException {
        Page page = openNewWorkspace("student");
        page.onDialog(dialog -> {
            throw new AssertionError("a script ran: " + dialog.message());
        });

        upload(
                page,
                new FilePayload(
                        "evil.zip",
                        "application/zip",
                        zip("innocent.py", "print(1)\n", "../escape.py", "print('out')\n")));
        assertThat(page.locator(".ui-messages"))
                .containsText("Nothing was uploaded. evil.zip: ../escape.py points outside the workspace");

        upload(page, new FilePayload("main.py", "text/x-python", "print('replaced')\n".getBytes(UTF_8)));
        assertThat(page.locator(".ui-messages")).containsText("Uploads never replace a file, and main.py is here");

        upload(page, new FilePayload("photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}));
        assertThat(page.locator(".ui-messages")).containsText("photo.png is not a text file");

        page.reload();
        assertThat(page.locator(".file-tree")).not().containsText("innocent.py");
        assertThat(page.locator(".file-tree")).not().containsText("photo.png");
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");

        String markup = "<img src=x onerror=alert(1)>.py";
        upload(page, new FilePayload("markup.zip", "application/zip", zip(markup, "print(2)\n")));
        assertThat(page.locator(".file-tree")).containsText(markup);
        assertThat(page.locator(".file-tree img")).hasCount(0);
    }

    @Test
    void anotherStudentCannotUploadIntoOrMoveFilesOfTheWorkspaceByTamperingWithTheUrl() {
        Page owner = openNewWorkspace("student");
        String victim = owner.url().replaceAll(".*workspace=(\\d+).*", "$1");
        Page other = openNewWorkspace("student2");

        other.locator("form.editor").evaluate("(form, id) => form.action += '?workspace=' + id", victim);
        upload(other, new FilePayload("planted.py", "text/x-python", "print('planted')\n".getBytes(UTF_8)));
        assertThat(other.locator(".ui-messages")).not().isEmpty();
        other.locator("#rename-action").click();
        assertThat(other.locator("#move-subject")).hasText("main.py");
        other.locator("input[id$=':moveTo']").fill("stolen.py");
        other.locator("[id$=':move']").click();
        assertThat(other.locator(".ui-messages")).containsText("main.py is now stolen.py.");

        owner.reload();
        assertThat(owner.locator(".file-tree")).containsText("main.py");
        assertThat(owner.locator(".file-tree")).not().containsText("planted.py");
        assertThat(owner.locator(".file-tree")).not().containsText("stolen.py");
    }

    /** Creates a file through the file toolbar's "New file" dialog. */
    private static void newFile(Page page, String path) {
        page.locator("#new-file-action").click();
        page.locator("input[id$=':newPath']").fill(path);
        page.locator("[id$=':newFile']").click();
    }

    private static void upload(Page page, FilePayload file) {
        EditorUpload.choose(page, file);
    }

    /** A zip of names and contents, in pairs. */
    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, String> unzip(java.nio.file.Path file) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private Page openNewWorkspace(String student) {
        Page page = signedIn(student, "my/workspaces.xhtml");
        String name = "Editor " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .click();
        assertThat(page.locator("#file-name")).hasText("main.py");
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");
        return page;
    }

    /** Replaces the whole file as if pasted, so the editor's auto-indent and auto-close do not add to it. */
    private static void replaceCode(Page page, String code) {
        Locator editor = page.locator(".monaco-editor textarea");
        editor.focus();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().insertText(code);
    }
}
