package dev.pyroom.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A signed-in student at work while the database is stopped for a moment: the API, the pages and the editor say
 * plainly that the database is unavailable, the editor keeps what could not be saved, and everything works again
 * once the database is back, without restarting Pyroom. (A class of its own: {@link OutagesIT}'s server cannot reach
 * the identity provider, so nobody can sign in there.)
 */
class DatabaseOutageIT extends BrowserTest {

    private static final String SENTENCE = "The database is unavailable: try again in a moment. Nothing was lost.";
    private static final Duration DATABASE_RESTART_DEADLINE = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    @Test
    void withoutTheDatabaseAStudentIsToldToTryAgainAndLosesNothing() throws Exception {
        Page editor = openNewWorkspace();
        Page tab = editor.context().newPage();
        String workspaces = base() + "api/workspaces";

        TestDatabase.stop();
        try {
            editor.locator("[id$=':run']").click();
            assertThat(editor.locator("#output")).containsText(SENTENCE);

            typeAtTheEnd(editor, "print('written while the database was away')\n");
            assertThat(editor.locator("#save-state")).hasText("Not saved");
            assertThat(editor.locator(".ui-messages-error")).containsText(SENTENCE);

            APIResponse api =
                    timed("GET /api/workspaces", () -> editor.request().get(workspaces));
            assertEquals(503, api.status(), api.text());
            assertTrue(
                    api.headers().get("content-type").startsWith("application/json"),
                    api.headers().toString());
            assertEquals("{\"error\":\"" + SENTENCE + "\"}", api.text());
            assertEquals("10", api.headers().get("retry-after"));

            Response page = timed("the page My workspaces", () -> tab.navigate(base() + "my/workspaces.xhtml"));
            assertEquals(503, page.status());
            assertEquals("10", page.headerValue("retry-after"));
            assertEquals("Try again in a moment\n" + SENTENCE + "\nBack to the start page", problemText(tab));
            String shown = tab.locator("body").innerText();
            assertFalse(shown.contains("Exception") || shown.contains("SQL"), shown);
        } finally {
            TestDatabase.start();
        }

        APIResponse back = awaitStatus(() -> editor.request().get(workspaces), 200);
        assertEquals(200, back.status(), back.text());
        assertTrue(back.text().startsWith("["), back.text());
        assertEquals(200, tab.navigate(base() + "my/workspaces.xhtml").status());
        assertEquals("My workspaces", tab.locator("h1").first().textContent());

        editor.locator(".monaco-editor textarea").focus();
        editor.keyboard().press("ControlOrMeta+S");
        assertThat(editor.locator("#save-state")).hasText("Saved");
        editor.reload();
        assertThat(editor.locator(".monaco-editor .view-lines")).containsText("written while the database was away");
    }

    private Page openNewWorkspace() {
        Page page = signedIn("student", "my/workspaces.xhtml");
        String name = "Outage " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .click();
        // The editor's scripts are large: on a busy machine they may take longer than an assertion's usual wait.
        assertThat(page.locator(".monaco-editor .view-lines"))
                .containsText("Hello, Pyroom!", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        return page;
    }

    private static void typeAtTheEnd(Page page, String text) {
        page.locator(".monaco-editor textarea").focus();
        page.keyboard().press("ControlOrMeta+End");
        page.keyboard().insertText(text);
    }

    /** What the page's problem section says, line by line. */
    private static String problemText(Page page) {
        return page.locator("#problem").innerText().strip().replaceAll("\\s*\\n\\s*", "\n");
    }

    /** Runs the request and prints how long it took: a figure to read, not to assert on a shared machine. */
    private static <T> T timed(String what, Supplier<T> request) {
        long started = System.nanoTime();
        T answer = request.get();
        System.out.printf(
                "Without the database, %s answered in %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
        return answer;
    }

    private static APIResponse awaitStatus(Supplier<APIResponse> request, int status) throws InterruptedException {
        Instant deadline = Instant.now().plus(DATABASE_RESTART_DEADLINE);
        APIResponse response = request.get();
        while (response.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL_INTERVAL.toMillis());
            response = request.get();
        }
        return response;
    }
}
