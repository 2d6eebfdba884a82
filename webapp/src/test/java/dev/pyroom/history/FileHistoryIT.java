package dev.pyroom.history;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.pyroom.CourseSteps.replaceCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A student's saves kept as versions, each with what lint found and how the runs after it went. */
class FileHistoryIT extends BrowserTest {

    @Test
    void studentStepsBackThroughTheirSavesAndRestoresAnEarlierVersion() {
        Page page = signedIn("student", "my/workspaces.xhtml");
        String name = "History " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .click();
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");
        String workspace = page.locator("form.editor").getAttribute("data-workspace");

        replaceCode(page, "greeting = 'hi'\nprint(greting)\n");
        assertThat(page.locator("#problems li")).containsText("undefined-variable");
        assertThat(page.locator("#save-state")).hasText("Saved");
        page.locator("[id$=':run']").click();
        assertThat(page.locator("#output")).containsText("NameError");
        replaceCode(page, "greeting = 'hi'\nprint(greeting)\n");
        assertThat(page.locator("#save-state")).hasText("Saved");
        assertThat(page.locator("#problems li")).hasCount(0);
        page.locator("[id$=':run']").click();
        assertThat(page.locator("#output")).containsText("Program finished (exit code 0).");

        page.locator("[id$=':historyLink']").click();
        assertThat(page.locator("#history-content")).hasText("greeting = 'hi'\nprint(greeting)\n");
        assertThat(page.locator("#history-lint")).containsText("No problems");
        assertThat(page.locator("#history-run")).hasText("ok");
        assertThat(page.locator("[id$=':restore']")).isDisabled();

        page.locator("[id$=':earlier']").click();
        assertThat(page.locator("#history-content")).hasText("greeting = 'hi'\nprint(greting)\n");
        assertThat(page.locator("#history-lint")).containsText("1 error");
        assertThat(page.locator("#history-lint")).containsText("greting");
        assertThat(page.locator("#history-run")).hasText("NameError");

        page.locator("[id$=':restore']").click();
        assertThat(page.locator("[id$=':messages']")).containsText("is back in main.py");
        assertThat(page.locator("#history-content")).hasText("greeting = 'hi'\nprint(greting)\n");
        assertThat(page.locator("[id$=':later']")).isDisabled();
        page.locator("[id$=':earlier']").click();
        assertThat(page.locator("#history-content")).hasText("greeting = 'hi'\nprint(greeting)\n");

        page.locator("a", new Page.LocatorOptions().setHasText("Back to the editor"))
                .click();
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("print(greting)");

        Page other = signedIn("student2", "my/workspaces.xhtml");
        assertEquals(
                404,
                other.navigate(base() + "my/history.xhtml?workspace=" + workspace)
                        .status());
        assertThat(other.locator("#history-content")).hasCount(0);
        assertEquals(
                403,
                other.navigate(base() + "instructor/history.xhtml?course=1&workspace=" + workspace)
                        .status());
    }
}
