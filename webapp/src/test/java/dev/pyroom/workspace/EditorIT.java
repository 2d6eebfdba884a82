package dev.pyroom.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
    void studentAddsAFileInAFolderAndDeletesIt() {
        Page page = openNewWorkspace("student");

        page.locator("input[id$=':newPath']").fill("lib/helpers.py");
        page.locator("[id$=':newFile']").click();
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
    void theWorkspaceDownloadsAsAZipWithItsFiles() throws IOException {
        Page page = openNewWorkspace("student");
        page.locator("input[id$=':newPath']").fill("lib/helpers.py");
        page.locator("[id$=':newFile']").click();
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
