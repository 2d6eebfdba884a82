package dev.pyroom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Running a workspace's file in its sandbox, through the real server, as signed-in students. */
class RunsIT extends BrowserTest {
    @Test
    void aNewWorkspaceRunsItsStarterFileAndOnlyItsOwnerMayRunIt() {
        URL base = base();
        Page owner = signedIn("student", "my/workspaces.xhtml");
        String name = "Run " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(owner, name);
        long workspaceId = idOf(owner.request().get(base + "api/workspaces").text(), name);

        APIResponse run = runMain(owner, base, workspaceId);

        assertEquals(200, run.status(), run.text());
        assertTrue(run.text().contains("\"ending\":\"EXITED\""), run.text());
        assertTrue(run.text().contains("\"exitCode\":0"), run.text());
        assertTrue(run.text().contains("{\"stream\":\"stdout\",\"text\":\"Hello, Pyroom!\\n\"}"), run.text());

        Page other = signedIn("student2", "my/workspaces.xhtml");
        APIResponse refused = runMain(other, base, workspaceId);
        assertEquals(404, refused.status());
        assertFalse(refused.text().contains("Hello"), refused.text());
    }

    @Test
    void aFinishedRunIsCountedByItsEndingOnTheMetricsEndpoint() {
        URL base = base();
        Page page = signedIn("student", "my/workspaces.xhtml");
        String name = "Counted " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        long workspaceId = idOf(page.request().get(base + "api/workspaces").text(), name);
        double exitedBefore = exitedRuns(page, base);

        APIResponse run = runMain(page, base, workspaceId);

        assertTrue(run.text().contains("\"ending\":\"EXITED\""), run.text());
        assertEquals(exitedBefore + 1, exitedRuns(page, base));
    }

    @Test
    void theRequestIdGivenIsEchoedAndAMissingOneIsMade() {
        URL base = base();
        Page page = browser.newPerson();

        APIResponse given = page.request()
                .get(base + "api/health", RequestOptions.create().setHeader("X-Request-ID", "lab-42.check"));
        APIResponse made = page.request().get(base + "api/health");
        APIResponse unsafe =
                page.request().get(base + "api/health", RequestOptions.create().setHeader("X-Request-ID", "a b\"c"));

        assertEquals("lab-42.check", given.headers().get("x-request-id"));
        assertTrue(
                made.headers().get("x-request-id").matches("[0-9a-f-]{36}"),
                made.headers().toString());
        assertTrue(
                unsafe.headers().get("x-request-id").matches("[0-9a-f-]{36}"),
                unsafe.headers().toString());
    }

    @Test
    void anEntryFileOutsideTheWorkspaceIsRefused() {
        URL base = base();
        Page page = signedIn("student", "my/workspaces.xhtml");
        String name = "Escape " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        long workspaceId = idOf(page.request().get(base + "api/workspaces").text(), name);

        APIResponse refused = page.request()
                .post(
                        base + "api/workspaces/" + workspaceId + "/runs",
                        RequestOptions.create().setData(Map.of("entryFile", "../../etc/passwd")));

        assertEquals(400, refused.status());
        assertTrue(refused.text().contains("cannot contain"), refused.text());
    }

    private static APIResponse runMain(Page page, URL base, long workspaceId) {
        return page.request()
                .post(
                        base + "api/workspaces/" + workspaceId + "/runs",
                        RequestOptions.create().setData(Map.of("entryFile", "main.py")));
    }

    /** The runs that ended with the program's own exit, as Prometheus would scrape them. */
    private static double exitedRuns(Page page, URL base) {
        String metrics = page.request().get(base + "metrics").text();
        Matcher counter = Pattern.compile("(?m)^pyroom_runs_total\\{[^}]*ending=\"exited\"[^}]*} (\\S+)$")
                .matcher(metrics);
        assertTrue(counter.find(), metrics);
        return Double.parseDouble(counter.group(1));
    }

    private static long idOf(String workspacesJson, String name) {
        Matcher match = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"" + Pattern.quote(name) + "\"")
                .matcher(workspacesJson);
        assertTrue(match.find(), workspacesJson);
        return Long.parseLong(match.group(1));
    }
}
