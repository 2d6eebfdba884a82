package dev.pyroom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.pyroom.Browser;
import dev.pyroom.LocalUrl;
import dev.pyroom.PyroomWar;
import dev.pyroom.WorkspaceForm;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Running a workspace's file in its sandbox, through the real server, as signed-in students. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RunsIT {

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
    void aNewWorkspaceRunsItsStarterFileAndOnlyItsOwnerMayRunIt() {
        URL base = LocalUrl.of(deployed);
        Page owner = browser.newPerson();
        Browser.signIn(owner, base, "my/workspaces.xhtml", "student", "student");
        String name = "Run " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(owner, name);
        long workspaceId = idOf(owner.request().get(base + "api/workspaces").text(), name);

        APIResponse run = runMain(owner, base, workspaceId);

        assertEquals(200, run.status(), run.text());
        assertTrue(run.text().contains("\"ending\":\"EXITED\""), run.text());
        assertTrue(run.text().contains("\"exitCode\":0"), run.text());
        assertTrue(run.text().contains("{\"stream\":\"stdout\",\"text\":\"Hello, Pyroom!\\n\"}"), run.text());

        Page other = browser.newPerson();
        Browser.signIn(other, base, "my/workspaces.xhtml", "student2", "student2");
        APIResponse refused = runMain(other, base, workspaceId);
        assertEquals(404, refused.status());
        assertFalse(refused.text().contains("Hello"), refused.text());
    }

    @Test
    void anEntryFileOutsideTheWorkspaceIsRefused() {
        URL base = LocalUrl.of(deployed);
        Page page = browser.newPerson();
        Browser.signIn(page, base, "my/workspaces.xhtml", "student", "student");
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

    private static long idOf(String workspacesJson, String name) {
        Matcher match = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"" + Pattern.quote(name) + "\"")
                .matcher(workspacesJson);
        assertTrue(match.find(), workspacesJson);
        return Long.parseLong(match.group(1));
    }
}
