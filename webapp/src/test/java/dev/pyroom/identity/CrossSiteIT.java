package dev.pyroom.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import dev.pyroom.Browser;
import dev.pyroom.BrowserTest;
import dev.pyroom.OtherSite;
import dev.pyroom.WorkspaceForm;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A signed-in student meets other sites: a page that posts to Pyroom, a script replaying their cookie, a WebSocket
 * handshake from elsewhere. Nothing another origin sends in the student's name changes anything.
 */
class CrossSiteIT extends BrowserTest {

    private static final String EVIL = "http://evil.example";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static OtherSite otherSite;

    @BeforeAll
    static void openOtherSite() {
        otherSite = new OtherSite();
    }

    @AfterAll
    static void closeOtherSite() {
        otherSite.close();
    }

    @Test
    void aPageOnAnotherSiteThatPostsToPyroomChangesNothing() {
        Page student = signedIn("student", "my/workspaces.xhtml");
        String name = "Precious " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(student, name);
        long workspaceId = idOf(student, name);
        double runsBefore = exitedRuns(student);
        // The attacker's own page state, as the attacker's account gets it.
        String attackersViewState = viewState(signedIn("student2", "my/workspaces.xhtml"));

        Page lure = student.context().newPage();
        lure.navigate(otherSite.publish(attackPage(deleteRequest(student, name, attackersViewState), workspaceId)));
        lure.waitForURL(url -> url.startsWith(base().toString()));

        student.reload();
        assertThat(row(student, name)).isVisible();
        assertEquals(runsBefore, exitedRuns(student));
    }

    @Test
    void theStudentsCookieAndPageReplayedFromAnotherOriginAreRefused() throws Exception {
        Page student = signedIn("student", "my/workspaces.xhtml");
        String name = "Replayed " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(student, name);
        String delete = form(deleteRequest(student, name, viewState(student)));

        HttpResponse<String> foreign = post("my/workspaces.xhtml", cookies(student), EVIL, FORM, delete);

        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body().contains("another site"), foreign.body());
        student.reload();
        assertThat(row(student, name)).isVisible();

        HttpResponse<String> own = post("my/workspaces.xhtml", cookies(student), ownOrigin(), FORM, delete);

        assertEquals(200, own.statusCode(), own.body());
        student.reload();
        assertThat(row(student, name)).hasCount(0);
    }

    @Test
    void theApiAndSignOutRefuseCallsFromAnotherOrigin() throws Exception {
        Page student = signedIn("student", "my/workspaces.xhtml");
        String name = "Api " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(student, name);
        String runs = "api/workspaces/" + idOf(student, name) + "/runs";
        String mainPy = "{\"entryFile\":\"main.py\"}";

        HttpResponse<String> foreign = post(runs, cookies(student), EVIL, JSON, mainPy);
        HttpResponse<String> signOut = post("sign-out", cookies(student), EVIL, FORM, "");

        assertEquals(403, foreign.statusCode());
        assertTrue(
                foreign.headers().firstValue("Content-Type").orElse("").startsWith(JSON),
                foreign.headers().map().toString());
        assertTrue(foreign.body().startsWith("{\"error\":\""), foreign.body());
        assertEquals(403, signOut.statusCode());
        HttpResponse<String> own = post(runs, cookies(student), ownOrigin(), JSON, mainPy);
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(own.body().contains("\"ending\":\"EXITED\""), own.body());
    }

    @Test
    void aWebSocketHandshakeFromAnotherOriginIsRefused() {
        Page student = signedIn("student", "my/workspaces.xhtml");

        CompletionException refused =
                assertThrows(CompletionException.class, () -> openRunSocket(cookies(student), EVIL, new Replies()));
        Replies replies = new Replies();
        WebSocket own = openRunSocket(cookies(student), ownOrigin(), replies);
        own.sendText("{\"type\":\"dance\"}", true);

        WebSocketHandshakeException handshake = (WebSocketHandshakeException) refused.getCause();
        assertEquals(403, handshake.getResponse().statusCode());
        assertTrue(replies.first.join().contains("Unknown message."), replies.first.join());
        own.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void pagesForbidFramingAndSniffingAndTheSessionCookieStaysOnThisSite() {
        Page page = browser.newPerson();
        List<String> cookies = setCookies(page);
        Browser.signIn(page, base(), "my/workspaces.xhtml", "student", "student");

        Response workspaces = page.navigate(base() + "my/workspaces.xhtml");

        assertEquals("nosniff", workspaces.headerValue("x-content-type-options"));
        assertEquals("SAMEORIGIN", workspaces.headerValue("x-frame-options"));
        assertEquals("same-origin", workspaces.headerValue("referrer-policy"));
        String policy = workspaces.headerValue("content-security-policy");
        for (String directive : List.of("frame-ancestors 'self'", "object-src 'none'", "base-uri 'self'")) {
            assertTrue(policy != null && policy.contains(directive), policy);
        }
        List<String> sessionCookies = cookies.stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .toList();
        assertFalse(sessionCookies.isEmpty(), "the sign-in sets a session cookie");
        for (String cookie : sessionCookies) {
            assertTrue(cookie.matches("(?i).*;\\s*SameSite=Lax\\b.*"), cookie);
        }
    }

    @Test
    void behindAProxyThatEndsTlsTheRememberedSignInIsSecure() {
        Page page = browser.newPerson();
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-Proto", "https"));
        List<String> cookies = setCookies(page);

        Browser.signIn(page, base(), "my/workspaces.xhtml", "student", "student");

        String remembered = cookies.stream()
                .filter(cookie -> cookie.startsWith("pyroom_signin="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(cookies.toString()));
        assertTrue(remembered.matches("(?i).*;\\s*Secure\\b.*"), remembered);
    }

    /** Payara already renews the id when the provider's callback completes; this keeps it so. */
    @Test
    void signingInGivesTheSessionANewId() {
        Page page = browser.newPerson();
        page.navigate(base() + "my/workspaces.xhtml");
        String beforeSignIn = sessionId(page);

        page.locator("#username").fill("student");
        page.locator("#password").fill("student");
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(base().toString()));

        assertNotEquals(beforeSignIn, sessionId(page));
    }

    @Test
    void aSessionPlantedBeforeARememberedSignInIsNotTheOneSignedIn() throws Exception {
        HttpResponse<String> attackersVisit = HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "my/workspaces.xhtml"))
                        .build(),
                BodyHandlers.ofString());
        String planted = attackersVisit.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.replaceFirst("^JSESSIONID=([^;]+).*", "$1"))
                .findFirst()
                .orElseThrow();
        Page student = signedIn("student", "my/workspaces.xhtml");
        Cookie remembered = cookie(student, "pyroom_signin");
        student.context().clearCookies();
        student.context().addCookies(List.of(remembered, new Cookie("JSESSIONID", planted).setUrl(base().toString())));

        student.navigate(base() + "my/workspaces.xhtml");

        assertThat(student.locator("#whoami")).hasText("Sam Student");
        assertNotEquals(planted, sessionId(student));
        HttpResponse<String> attackersNextVisit = HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "api/workspaces"))
                        .header("Cookie", "JSESSIONID=" + planted)
                        .build(),
                BodyHandlers.ofString());
        assertEquals(401, attackersNextVisit.statusCode());
    }

    /** The request the Delete button of the workspace's row sends (PrimeFaces AJAX), with the given page state. */
    private static Map<String, String> deleteRequest(Page page, String workspaceName, String viewState) {
        String button =
                row(page, workspaceName).locator("button[id$=':delete']").getAttribute("id");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", button);
        fields.put("jakarta.faces.partial.execute", button);
        fields.put("jakarta.faces.partial.render", "workspaces");
        fields.put(button, button);
        fields.put("workspaces", "workspaces");
        fields.put("jakarta.faces.ViewState", viewState);
        return fields;
    }

    /** A page that quietly starts a run through the API, then submits the delete request as a form. */
    private String attackPage(Map<String, String> delete, long workspaceId) {
        String inputs = delete.entrySet().stream()
                .map(field -> "<input type=\"hidden\" name=\"%s\" value=\"%s\">"
                        .formatted(html(field.getKey()), html(field.getValue())))
                .collect(Collectors.joining());
        return """
                <!DOCTYPE html><html><body><h1>Free exam answers</h1>
                <form method="post" action="%smy/workspaces.xhtml">%s</form>
                <script>
                  fetch('%sapi/workspaces/%d/runs', {method: 'POST', credentials: 'include',
                        headers: {'Content-Type': 'text/plain'}, body: '{"entryFile":"main.py"}'})
                    .catch(() => null)
                    .finally(() => document.forms[0].submit());
                </script></body></html>""".formatted(base(), inputs, base(), workspaceId);
    }

    private HttpResponse<String> post(String path, String cookies, String origin, String type, String body)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Cookie", cookies)
                        .header("Origin", origin)
                        .header("Content-Type", type)
                        .POST(BodyPublishers.ofString(body))
                        .build(),
                BodyHandlers.ofString());
    }

    private WebSocket openRunSocket(String cookies, String origin, WebSocket.Listener listener) {
        return HTTP.newWebSocketBuilder()
                .header("Cookie", cookies)
                .header("Origin", origin)
                .buildAsync(URI.create("ws://localhost:" + base().getPort() + "/ws/run"), listener)
                .join();
    }

    /** Remembers the first message the server sends. */
    private static final class Replies implements WebSocket.Listener {
        final CompletableFuture<String> first = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            first.complete(data.toString());
            return WebSocket.Listener.super.onText(socket, data, last);
        }
    }

    /** Every cookie Pyroom's responses set from now on, as its Set-Cookie header said. */
    private List<String> setCookies(Page page) {
        List<String> cookies = new CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.url().startsWith(base().toString())) {
                response.headersArray().stream()
                        .filter(header -> header.name.equalsIgnoreCase("set-cookie"))
                        .flatMap(header -> header.value.lines())
                        .forEach(cookies::add);
            }
        });
        return cookies;
    }

    private String ownOrigin() {
        return "http://localhost:" + base().getPort();
    }

    /** The browser's cookies for Pyroom, as a script that stole them would send them. */
    private String cookies(Page page) {
        return page.context().cookies(base().toString()).stream()
                .map(cookie -> cookie.name + "=" + cookie.value)
                .collect(Collectors.joining("; "));
    }

    private Cookie cookie(Page page, String name) {
        return page.context().cookies(base().toString()).stream()
                .filter(cookie -> cookie.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    private String sessionId(Page page) {
        return cookie(page, "JSESSIONID").value;
    }

    private static String viewState(Page page) {
        return page.locator("input[name='jakarta.faces.ViewState']").first().inputValue();
    }

    private long idOf(Page page, String name) {
        String workspaces = page.request().get(base() + "api/workspaces").text();
        Matcher match = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"" + Pattern.quote(name) + "\"")
                .matcher(workspaces);
        assertTrue(match.find(), workspaces);
        return Long.parseLong(match.group(1));
    }

    /** The runs that ended with the program's own exit on this server, as Prometheus would scrape them. */
    private double exitedRuns(Page page) {
        String metrics = page.request().get(base() + "metrics").text();
        Matcher counter = Pattern.compile("(?m)^pyroom_runs_total\\{[^}]*ending=\"exited\"[^}]*} (\\S+)$")
                .matcher(metrics);
        assertTrue(counter.find(), metrics);
        return Double.parseDouble(counter.group(1));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static Locator row(Page page, String workspaceName) {
        return page.locator(
                "tr",
                new Page.LocatorOptions()
                        .setHas(page.getByText(workspaceName, new Page.GetByTextOptions().setExact(true))));
    }
}
