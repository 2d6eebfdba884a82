package dev.pyroom.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.pyroom.Browser;
import dev.pyroom.LocalUrl;
import dev.pyroom.PyroomWar;
import dev.pyroom.WorkspaceForm;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A student in the editor: writing, saving, reloading, running with input, stopping, managing files. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EditorIT {

    private static Browser browser;

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PyroomWar.asBuilt();
    }

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

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
    void anotherStudentCannotOpenTheWorkspace() {
        Page owner = openNewWorkspace("student");
        String editorUrl = owner.url();

        Page other = browser.newPerson();
        Browser.signIn(other, LocalUrl.of(deployed), "my/workspaces.xhtml", "student2", "student2");

        assertEquals(404, other.navigate(editorUrl).status());
        assertThat(other.locator(".monaco-editor")).hasCount(0);
    }

    private Page openNewWorkspace(String student) {
        URL base = LocalUrl.of(deployed);
        Page page = browser.newPerson();
        Browser.signIn(page, base, "my/workspaces.xhtml", student, student);
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
