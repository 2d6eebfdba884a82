package dev.pyroom.identity.boundary;

import dev.pyroom.platform.boundary.Origin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP session a sign-in lands in. It gets a new id the moment the user is known, so that an id seen or planted
 * before sign-in (session fixation) is worth nothing afterwards. Behind a proxy that ends TLS the container sees
 * plain HTTP and would send that id without {@code Secure}: the cookie is marked here.
 */
final class SignInSession {

    private static final Pattern SECURE = Pattern.compile("(?i).*;\\s*Secure\\s*(;.*)?");

    private SignInSession() {}

    /** Gives the request's session a new id (or starts one) and marks its cookie Secure when TLS was used. */
    static void renew(HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) == null) {
            request.getSession();
        } else {
            request.changeSessionId();
        }
        if (!request.isSecure() && overTls(request)) {
            String name = Optional.ofNullable(
                            request.getServletContext().getSessionCookieConfig().getName())
                    .orElse("JSESSIONID");
            markSecure(response, name);
        }
    }

    /** Whether the browser reached Pyroom, or the proxy in front of it, over TLS. */
    static boolean overTls(HttpServletRequest request) {
        return Origin.overTls(request.isSecure(), request.getHeader("X-Forwarded-Proto"));
    }

    private static void markSecure(HttpServletResponse response, String cookieName) {
        List<String> cookies = List.copyOf(response.getHeaders("Set-Cookie"));
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i);
            String marked = cookie.startsWith(cookieName + "=")
                            && !SECURE.matcher(cookie).matches()
                    ? cookie + "; Secure"
                    : cookie;
            if (i == 0) {
                response.setHeader("Set-Cookie", marked);
            } else {
                response.addHeader("Set-Cookie", marked);
            }
        }
    }
}
