package dev.pyroom.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An admin looks after the server: who may use it, with which roles, and what was done. */
class AdministrationIT extends BrowserTest {

    @Test
    void adminSeesUsersWithTheirRolesAsKeycloakHoldsThem() {
        Page page = signedIn("admin", "admin/index.xhtml");
        page.locator("#users").click();

        assertThat(userRow(page, "instructor")).containsText("instructor");
        assertThat(userRow(page, "student2")).containsText("student");
        assertThat(userRow(page, "admin")).containsText("admin");
        assertThat(userRow(page, "admin")).not().containsText("never");

        page.locator("[id$=':search']").fill("student2");
        page.locator("[id$=':find']").click();

        assertThat(page.locator("[id$=':table'] tbody tr")).hasCount(1);
        assertThat(userRow(page, "student2")).containsText("student2@pyroom.example");
    }

    @Test
    void adminFindsWhatAStudentDidByFilteringTheAuditLog() {
        String name = "Filtered " + UUID.randomUUID().toString().substring(0, 8);
        Page student = signedIn("student2", "my/workspaces.xhtml");
        WorkspaceForm.submit(student, name);
        assertThat(student.locator("tr", new Page.LocatorOptions().setHasText(name)))
                .isVisible();

        Page admin = signedIn("admin", "admin/index.xhtml");
        admin.locator("[id$=':actor']").fill("student2");
        admin.locator("[id$=':target']").fill(name);
        admin.locator("[id$=':filter']").click();

        Locator rows = admin.locator("[id$=':audit'] tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows).containsText("workspace.create");

        admin.locator("[id$=':actor']").fill("student");
        admin.locator("[id$=':action']").fill("workspace.delete");
        admin.locator("[id$=':filter']").click();

        assertThat(rows).hasText("Nothing recorded matches.");
    }

    @Test
    void studentsAndInstructorsAreRefusedTheUserList() {
        Page student = signedIn("student", "my/workspaces.xhtml");
        assertEquals(403, student.navigate(base() + "admin/users.xhtml").status());

        Page instructor = signedIn("instructor", "instructor/index.xhtml");
        assertEquals(403, instructor.navigate(base() + "admin/users.xhtml").status());
    }

    /**
     * The row whose first cell ends with the username: PrimeFaces puts the column title before it. The pattern runs as a
     * JavaScript regular expression, so no {@code Pattern.quote}.
     */
    private static Locator userRow(Page page, String username) {
        return page.locator("[id$=':table'] tbody tr")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator(
                                "td:first-child",
                                new Page.LocatorOptions().setHasText(Pattern.compile(username + "$")))));
    }
}
