package dev.pyroom;

import com.microsoft.playwright.Page;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built war on a Payara Micro that the other classes deploying it share (ReusedPayaraMicro), and headless Chromium
 * driving it as signed-in people.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class BrowserTest {

    protected static Browser browser;

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    public static WebArchive deployment() {
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

    /** Where the application answers, as a browser addresses it. */
    protected URL base() {
        return LocalUrl.of(deployed);
    }

    /** A new person at another computer, signed in through Keycloak, looking at {@code path}. */
    protected Page signedIn(String username, String path) {
        Page page = browser.newPerson();
        Browser.signIn(page, base(), path, username, username);
        return page;
    }
}
