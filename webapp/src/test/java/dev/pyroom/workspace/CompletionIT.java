package dev.pyroom.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A student typing in the editor is offered names, shown a call's parameters, and may ask what a name is. */
class CompletionIT extends BrowserTest {

    /** A key every 80 ms: the editor asks once the student pauses, as people do between words. */
    private static final Keyboard.TypeOptions AS_A_STUDENT_TYPES = new Keyboard.TypeOptions().setDelay(80);

    @Test
    void typingAModulesNameOffersItsFunctionsAndAcceptingOneWritesIt() {
        Page page = openNewWorkspace("student");
        replaceCode(page, "import math\n");
        page.keyboard().press("ControlOrMeta+End");

        page.keyboard().type("math.sq", AS_A_STUDENT_TYPES);

        Locator suggestions = page.locator(".monaco-editor .suggest-widget .monaco-list-row");
        assertThat(suggestions.first()).containsText("sqrt");
        page.keyboard().press("Enter");
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("math.sqrt");

        page.keyboard().type("(");

        assertThat(page.locator(".monaco-editor .parameter-hints-widget")).containsText("sqrt(");
    }

    @Test
    void openingACallShowsItsParametersAndHoveringANameShowsItsDocumentation() {
        Page page = openNewWorkspace("student");
        replaceCode(page, "words = ['a', 'b']\n");
        page.keyboard().press("ControlOrMeta+End");

        page.keyboard().type("print(");

        assertThat(page.locator(".monaco-editor .parameter-hints-widget")).containsText("sep");
        page.keyboard().press("Escape");
        replaceCode(page, "print(len(words))\n");
        page.locator(".monaco-editor .view-lines span", new Page.LocatorOptions().setHasText("len"))
                .last()
                .hover();
        assertThat(page.locator(".monaco-editor .monaco-hover:not(.hidden)"))
                .containsText("Return the number of items");
    }

    @Test
    void namesOfTheStudentsOwnFilesCompleteAndNobodyElseCompletesInTheirWorkspace() {
        Page page = openNewWorkspace("student");
        page.locator("#new-file-action").click();
        page.locator("input[id$=':newPath']").fill("helper.py");
        page.locator("[id$=':newFile']").click();
        assertThat(page.locator("#file-name")).hasText("helper.py");
        replaceCode(page, "def greet_from_helper(name):\n    return 'hi ' + name\n");
        assertThat(page.locator("#save-state")).hasText("Saved");
        page.locator(".tree-file", new Page.LocatorOptions().setHasText("main.py"))
                .click();
        assertThat(page.locator("#file-name")).hasText("main.py");
        replaceCode(page, "");

        page.keyboard().type("from helper import gr", AS_A_STUDENT_TYPES);

        assertThat(page.locator(".monaco-editor .suggest-widget .monaco-list-row")
                        .first())
                .containsText("greet_from_helper");
        String workspaceId = page.locator("form.editor").getAttribute("data-workspace");
        Page other = signedIn("student2", "my/workspaces.xhtml");
        APIResponse refused = other.request()
                .post(
                        base() + "api/complete",
                        RequestOptions.create()
                                .setHeader("Content-Type", "application/json")
                                .setData("{\"version\": 1, \"workspaceId\": " + workspaceId
                                        + ", \"path\": \"main.py\", \"source\": \"from helper import \","
                                        + " \"line\": 1, \"column\": 20}"));
        assertEquals(404, refused.status());
        assertFalse(refused.text().contains("greet_from_helper"));
    }

    private Page openNewWorkspace(String student) {
        Page page = signedIn(student, "my/workspaces.xhtml");
        String name = "Completion " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .click();
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
