package dev.pyroom.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import dev.pyroom.Browser;
import dev.pyroom.LocalUrl;
import dev.pyroom.PyroomWar;
import dev.pyroom.WorkspaceForm;
import dev.pyroom.identity.KeycloakAccounts.Account;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a Keycloak administrator takes away reaches Pyroom: a disabled account, "sign out all sessions", a removed role.
 * Pyroom checks every 5 s here, so everything takes effect within 10 s; the test allows a minute. Like a
 * {@link dev.pyroom.BrowserTest}, with a deployment of its own for the short check period.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
// A server of its own (another configuration): after the classes that share the war as built (ReusedPayaraMicro).
@Order(Order.DEFAULT + 1)
class RevocationIT {

    private static final Duration UPPER_BOUND = Duration.ofSeconds(60);
    private static final int POLICY_VIOLATION = 1008;

    private static KeycloakAccounts keycloak;
    private static Browser browser;

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PyroomWar.withConfig("pyroom.sign-in.check-seconds=5");
    }

    @BeforeAll
    static void start() {
        keycloak = new KeycloakAccounts();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        keycloak.close();
    }

    @Test
    void aDisabledStudentIsSignedOutAndTheirRunConnectionCloses() {
        Account account = keycloak.create("student");
        Page page = signedIn(account, "my/workspaces.xhtml");
        openSocket(page, "ws/run");

        keycloak.disable(account);

        assertEquals(POLICY_VIOLATION, closeCode(page));
        assertEquals(401, apiStatus(page));
        page.navigate(base() + "my/workspaces.xhtml");
        assertTrue(page.url().contains("/realms/pyroom/"), "on Keycloak's sign-in page: " + page.url());
    }

    @Test
    void aStudentSignedOutEverywhereInKeycloakLosesTheirSessionAndTheirTerminal() {
        Account account = keycloak.create("student");
        Page page = signedIn(account, "my/workspaces.xhtml");
        String name = "Shell " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        openSocket(page, "ws/terminal?workspace=" + workspaceId(page, name) + "&cols=80&rows=24");

        keycloak.signOutEverywhere(account);

        assertEquals(POLICY_VIOLATION, closeCode(page));
        assertEquals(401, apiStatus(page));
        page.navigate(base() + "my/workspaces.xhtml");
        assertThat(page.locator("#kc-login")).isVisible();
    }

    @Test
    void anInstructorWhoLosesTheRoleIsRefusedTheConsole() {
        Account account = keycloak.create("student", "instructor");
        Page page = signedIn(account, "instructor/index.xhtml");
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Instructor console");

        keycloak.removeRole(account, "instructor");

        eventually(() -> page.navigate(base() + "instructor/index.xhtml").status() == 403);
        assertThat(page.locator("#problem")).containsText("Not for you");
        page.navigate(base() + "my/workspaces.xhtml");
        assertThat(page.locator("#whoami")).hasText("Rita Revoked");
    }

    @Test
    void signingOutOnANodeThatRestoredTheSignInEndsTheKeycloakSession() {
        Account account = keycloak.create("student");
        Page page = signedIn(account, "my/workspaces.xhtml");
        // As on another node: no Pyroom session there, only the remembered sign-in (Keycloak's cookies stay).
        keepAllBut(page, "JSESSIONID");
        page.navigate(base() + "my/workspaces.xhtml");
        assertThat(page.locator("#whoami")).hasText("Rita Revoked");

        page.locator("#sign-out").click();
        page.waitForURL(base().toString());
        page.locator("#sign-in").click();

        assertThat(page.locator("#kc-login")).isVisible();
        assertEquals(0, keycloak.sessions(account));
    }

    private URL base() {
        return LocalUrl.of(deployed);
    }

    private Page signedIn(Account account, String path) {
        Page page = browser.newPerson();
        Browser.signIn(page, base(), path, account.username(), account.password());
        return page;
    }

    /** Opens a WebSocket from the page, as the editor does, and waits until it is open. */
    private static void openSocket(Page page, String path) {
        page.evaluate("""
                path => {
                    const socket = new WebSocket(location.origin.replace(/^http/, 'ws') + '/' + path);
                    socket.onclose = event => window.closedWith = event.code;
                    window.socket = socket;
                }""", path);
        page.waitForFunction("() => window.socket.readyState === WebSocket.OPEN");
    }

    /** The close code of the page's WebSocket, once it closed. */
    private static int closeCode(Page page) {
        page.waitForFunction(
                "() => window.closedWith !== undefined",
                null,
                new Page.WaitForFunctionOptions().setTimeout(UPPER_BOUND.toMillis()));
        return ((Number) page.evaluate("() => window.closedWith")).intValue();
    }

    private int apiStatus(Page page) {
        APIResponse response = page.request()
                .get(base() + "api/workspaces", RequestOptions.create().setMaxRedirects(0));
        return response.status();
    }

    private long workspaceId(Page page, String name) {
        String workspaces = page.request().get(base() + "api/workspaces").text();
        Matcher match = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"" + Pattern.quote(name) + "\"")
                .matcher(workspaces);
        assertTrue(match.find(), workspaces);
        return Long.parseLong(match.group(1));
    }

    private static void keepAllBut(Page page, String cookieName) {
        List<Cookie> kept = page.context().cookies().stream()
                .filter(cookie -> !cookie.name.equals(cookieName))
                .toList();
        page.context().clearCookies();
        page.context().addCookies(kept);
    }

    private static void eventually(BooleanSupplier outcome) {
        Instant deadline = Instant.now().plus(UPPER_BOUND);
        while (!outcome.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "not within " + UPPER_BOUND);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
