package dev.pyroom.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One student cannot take a class's share of a node, and what they are refused is said plainly. */
class FairShareIT extends BrowserTest {

    @Test
    void fortyRunsOfOneWorkspaceAtOnceEachGetARunOrAPlainRefusal() {
        Page page = signedIn("student2", "my/workspaces.xhtml");
        String name = "Hammered " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        long workspaceId = idOf(page.request().get(base() + "api/workspaces").text(), name);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest run = HttpRequest.newBuilder(URI.create(base() + "api/workspaces/" + workspaceId + "/runs"))
                .header("Content-Type", "application/json")
                .header("Cookie", cookiesOf(page))
                .POST(HttpRequest.BodyPublishers.ofString("{\"entryFile\":\"main.py\"}"))
                .build();

        List<HttpResponse<String>> answers =
                IntStream.range(0, 40)
                        .mapToObj(i -> http.sendAsync(run, HttpResponse.BodyHandlers.ofString()))
                        .toList()
                        .stream()
                        .map(CompletableFuture::join)
                        .toList();

        for (HttpResponse<String> answer : answers) {
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 409, answer.statusCode() + answer.body());
            assertEquals(
                    "application/json",
                    answer.headers().firstValue("Content-Type").orElse("").split(";")[0],
                    answer.body());
            if (answer.statusCode() == 409) {
                assertEquals(
                        "{\"error\":\"A program is already running in this workspace: stop it first.\"}",
                        answer.body());
            }
        }
        assertTrue(answers.stream().anyMatch(answer -> answer.statusCode() == 200));
    }

    @Test
    void aStudentRunningTwoProgramsIsToldToStopOneBeforeAThird() {
        Page first = signedIn("student", "my/workspaces.xhtml");
        Page second = first.context().newPage();
        Page third = first.context().newPage();
        for (Page page : List.of(first, second, third)) {
            openNewWorkspace(page);
            replaceCode(page, "print('waiting for you')\ninput()\n");
            assertThat(page.locator("#save-state")).hasText("Saved");
        }

        for (Page page : List.of(first, second)) {
            page.locator("[id$=':run']").click();
            assertThat(page.locator("#output")).containsText("waiting for you");
        }
        third.locator("[id$=':run']").click();

        assertThat(third.locator("#output")).containsText("You are already running 2 programs: stop one first.");
        assertThat(third.locator("#output")).not().containsText("waiting for you");
        String workspaceId = third.locator("form.editor").getAttribute("data-workspace");
        APIResponse refused = third.request()
                .post(
                        base() + "api/workspaces/" + workspaceId + "/runs",
                        RequestOptions.create().setData(Map.of("entryFile", "main.py")));
        assertEquals(429, refused.status(), refused.text());
        assertEquals("{\"error\":\"You are already running 2 programs: stop one first.\"}", refused.text());
    }

    @Test
    void aBurstOfLintRequestsPastTheAllowanceIsToldToSlowDown() {
        Page page = signedIn("instructor", "my/workspaces.xhtml");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answers = (List<Map<String, Object>>) page.evaluate("""
                () => Promise.all(Array.from({length: 40}, (_, i) => fetch('/api/lint', {
                    method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json'},
                    body: JSON.stringify({tier: 'fast', version: i, filename: 'main.py', source: 'print(1)\\n'})
                }).then(response => response.text().then(text => ({status: response.status, body: text})))))
                """);

        List<Object> statuses =
                answers.stream().map(answer -> answer.get("status")).toList();
        assertTrue(statuses.contains(200), statuses.toString());
        assertTrue(statuses.contains(429), statuses.toString());
        for (Map<String, Object> answer : answers) {
            if (answer.get("status").equals(429)) {
                assertEquals("{\"error\":\"Too many lint requests: slow down.\"}", answer.get("body"));
            }
        }
    }

    @Test
    void aRunMessageWithoutItsWorkspaceIsAnsweredWithWhatIsMissing() {
        Page page = signedIn("student2", "my/workspaces.xhtml");

        Object answer = page.evaluate("""
                () => new Promise(resolve => {
                    const socket = new WebSocket('ws://' + location.host + '/ws/run');
                    socket.onopen = () => socket.send(JSON.stringify({type: 'run', entryFile: 'main.py'}));
                    socket.onmessage = event => { resolve(event.data); socket.close(); };
                })
                """);

        assertEquals(
                "{\"type\":\"error\",\"text\":\"A run needs a workspaceId: the number of the workspace to run.\"}",
                answer);
    }

    private void openNewWorkspace(Page page) {
        page.navigate(base() + "my/workspaces.xhtml");
        String name = "Busy " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .click();
        assertThat(page.locator("#file-name")).hasText("main.py");
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");
    }

    /** Replaces the whole file as if pasted, so the editor's auto-indent and auto-close do not add to it. */
    private static void replaceCode(Page page, String code) {
        Locator editor = page.locator(".monaco-editor textarea");
        editor.focus();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().insertText(code);
    }

    private static String cookiesOf(Page page) {
        return page.context().cookies(page.url()).stream()
                .map((Cookie cookie) -> cookie.name + "=" + cookie.value)
                .collect(Collectors.joining("; "));
    }

    private static long idOf(String workspacesJson, String name) {
        Matcher match = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"" + Pattern.quote(name) + "\"")
                .matcher(workspacesJson);
        assertTrue(match.find(), workspacesJson);
        return Long.parseLong(match.group(1));
    }
}
