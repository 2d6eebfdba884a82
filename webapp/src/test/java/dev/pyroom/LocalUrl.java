package dev.pyroom;

import java.net.MalformedURLException;
import java.net.URL;

/**
 * The deployed application's address with the host name "localhost": the identity provider's issuer and cookies
 * follow the host name a browser uses, and the development realm allows redirects to localhost.
 */
public final class LocalUrl {

    private LocalUrl() {}

    public static URL of(URL deployed) {
        try {
            return new URL("http", "localhost", deployed.getPort(), "/");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
