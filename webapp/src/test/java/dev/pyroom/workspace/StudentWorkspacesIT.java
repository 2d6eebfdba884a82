package dev.pyroom.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SameSiteAttribute;
import dev.pyroom.Browser;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A student and an instructor in a real browser, signing in through the real Keycloak. */
class StudentWorkspacesIT extends BrowserTest {
    @Test
    void studentCreatesRenamesAndDeletesWorkspacesThatOutliveAReload() {
        URL base = base();
        Page page = browser.newPerson();
        String name = "Lab " + UUID.randomUUID().toString().substring(0, 8);
        String renamed = name + " (loops)";

        Browser.signIn(page, base, "my/workspaces.xhtml", "student", "student");
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("My workspaces");
        assertThat(page.locator("#whoami")).hasText("Sam Student");

        WorkspaceForm.submit(page, name);
        assertThat(page.locator(".ui-messages")).containsText("Workspace \"" + name + "\" created.");
        page.reload();
        assertThat(row(page, name)).isVisible();

        row(page, name)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename"))
                .click();
        page.locator("input[id$=':renameTo']").fill(renamed);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator(".ui-messages")).containsText("Renamed to \"" + renamed + "\".");
        page.reload();
        assertThat(row(page, renamed)).isVisible();

        row(page, renamed)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                .click();
        page.locator(".ui-confirmdialog-yes").click();
        assertThat(page.locator(".ui-messages")).containsText("deleted");
        page.reload();
        assertThat(page.locator(".workspace-name", new Page.LocatorOptions().setHasText(renamed)))
                .hasCount(0);
    }

    @Test
    void aDuplicatedWorkspaceGetsAFreeNameAndTheSameFiles() {
        Page page = signedIn("student", "my/workspaces.xhtml");
        String name = "Original " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);

        duplicate(page, name);
        assertThat(page.locator(".ui-messages")).containsText("Copied to \"" + name + " (copy)\".");
        duplicate(page, name);
        assertThat(page.locator(".ui-messages")).containsText("Copied to \"" + name + " (copy 2)\".");

        page.reload();
        assertThat(row(page, name + " (copy)")).isVisible();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(name + " (copy 2)").setExact(true))
                .click();
        assertThat(page.locator("#file-name")).hasText("main.py");
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");
    }

    private static void duplicate(Page page, String name) {
        row(page, name)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Duplicate"))
                .click();
    }

    @Test
    void badWorkspaceNamesGetAClearMessageAndMarkupIsShownAsText() {
        URL base = base();
        Page page = browser.newPerson();
        page.onDialog(dialog -> {
            throw new AssertionError("a script ran: " + dialog.message());
        });
        Browser.signIn(page, base, "my/workspaces.xhtml", "student", "student");

        WorkspaceForm.submit(page, "   ");
        assertThat(page.locator(".ui-messages")).containsText("Please give the workspace a name.");

        WorkspaceForm.submit(page, "<img src=x onerror=alert(1)>");
        assertThat(page.locator(".ui-messages")).containsText("cannot contain < or >");

        WorkspaceForm.submit(page, "x".repeat(61));
        assertThat(page.locator(".ui-messages")).containsText("at most 60 characters");

        String ampersands =
                "Tom & Jerry's \"lab\" " + UUID.randomUUID().toString().substring(0, 6);
        WorkspaceForm.submit(page, ampersands);
        assertThat(row(page, ampersands)).isVisible();
        WorkspaceForm.submit(page, ampersands.toUpperCase());
        assertThat(page.locator(".ui-messages")).containsText("You already have a workspace called");
        assertFalse(page.content().contains("<img src=x"), "markup must never reach the page unescaped");
    }

    @Test
    void studentIsRefusedTheConsolesAndSignsOutOfKeycloakToo() {
        URL base = base();
        Page page = signedIn("student", "my/workspaces.xhtml");

        assertEquals(403, page.navigate(base + "instructor/index.xhtml").status());
        assertThat(page.locator("#problem")).containsText("Not for you");
        assertEquals(403, page.navigate(base + "admin/index.xhtml").status());

        page.navigate(base + "my/workspaces.xhtml");
        page.locator("#sign-out").click();
        page.waitForURL(base.toString());
        assertThat(page.locator("#start")).hasText("Sign in to start");

        page.navigate(base + "my/workspaces.xhtml");
        assertThat(page.locator("#kc-login")).isVisible();
    }

    @Test
    void aStudentWhoseSessionIsLostStaysSignedInAndTheOpenPageKeepsWorking() {
        URL base = base();
        Page page = browser.newPerson();
        Browser.signIn(page, base, "my/workspaces.xhtml", "student", "student");
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("My workspaces");
        Cookie remembered = rememberedSignIn(page);
        assertTrue(remembered.httpOnly, "the sign-in token is out of scripts' reach");
        assertEquals(SameSiteAttribute.LAX, remembered.sameSite);

        // As after a cutover or the loss of the node: no server session, and no Keycloak session to fall back on.
        keepOnly(page, remembered);
        String name = "Survivor " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.submit(page, name);
        assertThat(page.locator(".ui-messages")).containsText("Workspace \"" + name + "\" created.");

        keepOnly(page, remembered);
        page.navigate(base + "my/workspaces.xhtml");
        assertThat(page.locator("#whoami")).hasText("Sam Student");
        assertThat(row(page, name)).isVisible();
        assertEquals(403, page.navigate(base + "admin/index.xhtml").status());

        page.navigate(base + "my/workspaces.xhtml");
        page.locator("#sign-out").click();
        page.waitForURL(base.toString());
        keepOnly(page, remembered);
        page.navigate(base + "my/workspaces.xhtml");
        assertThat(page.locator("#kc-login")).isVisible();
    }

    @Test
    void instructorReachesTheInstructorConsoleButNotAdministration() {
        URL base = base();
        Page page = signedIn("instructor", "instructor/index.xhtml");

        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Instructor console");
        assertEquals(403, page.navigate(base + "admin/index.xhtml").status());
    }

    @Test
    void adminSeesWhatStudentsDidInTheAuditLog() {
        URL base = base();
        Page student = browser.newPerson();
        String name = "Audited " + UUID.randomUUID().toString().substring(0, 8);
        Browser.signIn(student, base, "my/workspaces.xhtml", "student", "student");
        WorkspaceForm.submit(student, name);
        assertThat(row(student, name)).isVisible();

        Page admin = signedIn("admin", "admin/index.xhtml");

        Locator entry = admin.locator("tr", new Page.LocatorOptions().setHasText("workspace " + name));
        assertThat(entry).containsText("student");
        assertThat(entry).containsText("workspace.create");
    }

    @Test
    void signedOutCallsToTheApiGet401WhilePagesStillSendToSignIn() {
        Page page = browser.newPerson();
        RequestOptions noRedirects = RequestOptions.create().setMaxRedirects(0);

        APIResponse list = page.request().get(base() + "api/workspaces", noRedirects);
        APIResponse lint = page.request()
                .post(
                        base() + "api/lint",
                        noRedirects
                                .setHeader("Content-Type", "application/json")
                                .setData("{}"));
        APIResponse editor = page.request()
                .get(
                        base() + "my/editor.xhtml?workspace=1",
                        RequestOptions.create().setMaxRedirects(0));

        assertEquals(401, list.status());
        assertNull(list.headers().get("location"));
        assertEquals("{\"error\":\"Sign in first.\"}", list.text());
        assertEquals(401, lint.status());
        assertNull(lint.headers().get("location"));
        assertEquals(3, editor.status() / 100, "a page redirects to sign-in");
        assertTrue(
                editor.headers().get("location").contains("/realms/pyroom/"),
                editor.headers().toString());
    }

    @Test
    void healthReportsTheDatabaseAndTheIdentityProviderUp() {
        Page page = browser.newPerson();

        var response = page.navigate(base() + "api/health");

        assertEquals(200, response.status());
        assertEquals(
                "{\"status\":\"UP\",\"checks\":{\"database\":\"UP\",\"identityProvider\":\"UP\"}}", response.text());
    }

    private static Cookie rememberedSignIn(Page page) {
        return page.context().cookies().stream()
                .filter(cookie -> cookie.name.equals("pyroom_signin"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no remembered sign-in cookie"));
    }

    private static void keepOnly(Page page, Cookie cookie) {
        page.context().clearCookies();
        page.context().addCookies(List.of(cookie));
    }

    private static Locator row(Page page, String workspaceName) {
        return page.locator(
                "tr",
                new Page.LocatorOptions()
                        .setHas(page.getByText(workspaceName, new Page.GetByTextOptions().setExact(true))));
    }
}
