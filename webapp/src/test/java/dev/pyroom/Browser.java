package dev.pyroom;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Headless Chromium from the operating system, driven by Playwright, signing in through the real Keycloak. */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("pyroom.chromium", "/usr/bin/chromium"));
    private static final List<String> QUIET_FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");
    /**
     * How long an assertion waits for the page to get where it should: a wait, not a claim about speed. Playwright's
     * 5 s default was seen to run out for an upload on a CI machine busy with other work.
     */
    private static final Duration ASSERTION_WAIT = Duration.ofSeconds(15);

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public Browser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_WAIT.toMillis());
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setArgs(QUIET_FLAGS)
                        .setHeadless(true));
    }

    /** A fresh browser profile (no cookies), as a different person at another computer would have. */
    public Page newPerson() {
        BrowserContext context = chromium.newContext(new NewContextOptions().setLocale("en-GB"));
        return context.newPage();
    }

    /** Opens a page that needs sign-in and signs in on Keycloak's login form. */
    public static void signIn(Page page, URL base, String path, String username, String password) {
        page.navigate(base + path);
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(base.toString()));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
