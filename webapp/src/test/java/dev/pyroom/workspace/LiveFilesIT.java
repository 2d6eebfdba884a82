package dev.pyroom.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.pyroom.CourseSteps.replaceCode;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Files a program or the terminal makes show in the editor's tree while they are still at work, from the database. */
class LiveFilesIT extends BrowserTest {

    private static final LocatorAssertions.ContainsTextOptions LIVE =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    @Test
    void aFileAProgramWritesShowsInTheTreeWhileTheProgramStillRuns() {
        Page page = openNewWorkspace();
        replaceCode(
                page,
                "with open('notes.txt', 'w') as notes:\n    notes.write('kept\\n')\n"
                        + "print('wrote it', flush=True)\nanswer = input()\nprint('still running:', answer)\n");
        assertThat(page.locator("#save-state")).hasText("Saved");

        page.locator("[id$=':run']").click();
        assertThat(page.locator("#output")).containsText("wrote it");
        assertThat(tree(page)).containsText("notes.txt", LIVE);

        // The program was still waiting for its input when the file showed.
        page.locator("#stdin").fill("yes");
        page.locator("#stdin").press("Enter");
        assertThat(page.locator("#output")).containsText("still running: yes");
        assertThat(page.locator("#output")).containsText("Program finished (exit code 0).");

        page.reload();
        assertThat(tree(page)).containsText("notes.txt");
    }

    @Test
    void filesTheTerminalMakesAndDeletesShowInTheTreeWhileItIsOpen() {
        Page page = openNewWorkspace();
        page.locator("[id$=':openTerminal']").click();
        Locator screen = page.locator("#terminal .xterm-rows");
        page.locator("#terminal").click();
        page.keyboard().type("mkdir data && echo 1,2,3 > data/numbers.csv && echo done\r");
        assertThat(screen).containsText("done");

        assertThat(tree(page)).containsText("data", LIVE);
        assertThat(tree(page)).containsText("numbers.csv", LIVE);

        page.locator("#terminal").click();
        page.keyboard().type("rm -r data && echo removed\r");
        assertThat(screen).containsText("removed");
        assertThat(tree(page)).not().containsText("numbers.csv", LIVE);
    }

    private static Locator tree(Page page) {
        return page.locator("[id$=':tree']");
    }

    private Page openNewWorkspace() {
        Page page = signedIn("student", "my/workspaces.xhtml");
        String name = "Live files " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .click();
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");
        return page;
    }
}
