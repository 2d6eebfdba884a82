package dev.pyroom.identity.boundary;

import dev.pyroom.platform.boundary.Origin;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The HTTP session a sign-in lands in. It gets a new id the moment the user is known, so that an id seen or planted
 * before sign-in (session fixation) is worth nothing afterwards.
 */
final class SignInSession {

    private SignInSession() {}

    /** Gives the request's session a new id, or starts one. */
    static void renew(HttpServletRequest request) {
        if (request.getSession(false) == null) {
            request.getSession();
        } else {
            request.changeSessionId();
        }
    }

    /** Whether the browser reached Pyroom, or the proxy in front of it, over TLS: its cookies must be Secure. */
    static boolean overTls(HttpServletRequest request) {
        return Origin.overTls(request.isSecure(), request.getHeader("X-Forwarded-Proto"));
    }
}
