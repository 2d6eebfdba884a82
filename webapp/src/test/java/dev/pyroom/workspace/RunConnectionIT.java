package dev.pyroom.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.pyroom.CourseSteps.replaceCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.AriaRole;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The editor's run connection: one per page, kept open from run to run, opened again when it was lost, and asking
 * at every run whether its user is still signed in. The page's connections pass through the browser's WebSocket
 * routing to the real server, so a test can count them and cut one as a lost node would.
 */
class RunConnectionIT extends BrowserTest {

    private static final String LOOP = "print('looping', flush=True)\nwhile True:\n    pass\n";
    private static final int POLICY_VIOLATION = 1008;

    @Test
    void runsFollowOneAnotherOverOneConnectionAlsoAfterStopAndDuringARun() {
        Page page = signedIn("student", "my/workspaces.xhtml");
        List<WebSocketRoute> connections = routeRunConnections(page);
        openNewWorkspace(page);
        Locator output = page.locator("#output");

        replaceCode(page, "print('hello', flush=True)\n");
        assertThat(page.locator("#save-state")).hasText("Saved");
        run(page);
        assertThat(output).containsText("Program finished (exit code 0).");
        run(page);
        assertThat(output).containsText("Program finished (exit code 0).");
        assertThat(output.locator(".end-line")).hasCount(1);

        replaceCode(page, LOOP);
        assertThat(page.locator("#save-state")).hasText("Saved");
        run(page);
        assertThat(output).containsText("looping");
        page.locator("[id$=':stop']").click();
        assertThat(output).containsText("Stopped.");
        run(page);
        assertThat(output).containsText("looping");

        // Run while it runs: the program is stopped, its end is not shown, and it starts afresh.
        run(page);
        assertThat(output).containsText("looping");
        page.locator("[id$=':stop']").click();
        assertThat(output).containsText("Stopped.");
        assertThat(output.locator(".end-line")).hasCount(1);
        assertEquals(1, connections.size());
    }

    @Test
    void aLostConnectionInterruptsTheRunAndTheNextRunConnectsAgain() {
        Page page = signedIn("student", "my/workspaces.xhtml");
        List<WebSocketRoute> connections = routeRunConnections(page);
        openNewWorkspace(page);
        Locator output = page.locator("#output");
        replaceCode(page, LOOP);
        assertThat(page.locator("#save-state")).hasText("Saved");

        run(page);
        assertThat(output).containsText("looping");
        connections.get(0).close();
        assertThat(output).containsText("Interrupted: the connection to the server was lost. Run it again.");

        run(page);
        assertThat(output).containsText("looping");
        page.locator("[id$=':stop']").click();
        assertThat(output).containsText("Stopped.");
        assertEquals(2, connections.size());

        // A kept connection that closed while the page was idle (a release, a lost node): Run opens another.
        connections.get(1).close();
        run(page);
        assertThat(output).containsText("looping");
        page.locator("[id$=':stop']").click();
        assertThat(output).containsText("Stopped.");
        assertEquals(3, connections.size());
    }

    @Test
    void aConnectionKeptFromBeforeASignOutRunsNothingAfterIt() {
        Page page = signedIn("student2", "my/workspaces.xhtml");
        String name = "Signed out " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        page.evaluate("""
                workspaceId => {
                    window.received = [];
                    window.runMain = () => window.socket.send(
                            JSON.stringify({type: 'run', workspaceId: Number(workspaceId), entryFile: 'main.py'}));
                    window.socket = new WebSocket(location.origin.replace(/^http/, 'ws') + '/ws/run');
                    window.socket.onmessage = event => window.received.push(JSON.parse(event.data));
                    window.socket.onclose = event => { window.closedWith = event.code; window.closedWhy = event.reason; };
                    window.socket.onopen = () => window.runMain();
                }""", String.valueOf(workspaceId(page, name)));
        page.waitForFunction("() => window.received.some(message => message.type === 'end')");

        Page elsewhere = page.context().newPage();
        elsewhere.navigate(base() + "my/workspaces.xhtml");
        elsewhere.locator("#sign-out").click();
        elsewhere.waitForURL(base().toString());
        page.evaluate("() => { window.received = []; window.runMain(); }");

        // The container may close the connection as the HTTP session ends; if it is still open, the run is refused.
        page.waitForFunction("() => window.closedWith !== undefined");
        assertEquals(
                POLICY_VIOLATION,
                ((Number) page.evaluate("() => window.closedWith")).intValue(),
                String.valueOf(page.evaluate("() => window.closedWhy")));
        String answers = page.evaluate("() => JSON.stringify(window.received)").toString();
        assertFalse(answers.contains("\"type\":\"output\""), answers);
        assertFalse(answers.contains("\"type\":\"end\""), answers);
    }

    /** The page's run connections from now on, each as its server side: closing one is the server going away. */
    private static List<WebSocketRoute> routeRunConnections(Page page) {
        List<WebSocketRoute> servers = new CopyOnWriteArrayList<>();
        page.routeWebSocket(Pattern.compile(".*/ws/run$"), route -> servers.add(route.connectToServer()));
        return servers;
    }

    private static void openNewWorkspace(Page page) {
        String name = "Runs " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .click();
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");
    }

    private static void run(Page page) {
        page.locator("[id$=':run']").click();
    }

    private long workspaceId(Page page, String name) {
        String list = page.request().get(base() + "api/workspaces").text();
        Matcher workspace = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"" + Pattern.quote(name) + "\"")
                .matcher(list);
        assertTrue(workspace.find(), list);
        return Long.parseLong(workspace.group(1));
    }
}
