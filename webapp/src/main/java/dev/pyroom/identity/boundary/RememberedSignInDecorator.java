package dev.pyroom.identity.boundary;

import dev.pyroom.identity.entity.RememberedSignIn;
import dev.pyroom.platform.boundary.DatabaseUnavailable;
import dev.pyroom.platform.control.DatabaseOutage;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Keeps users signed in when their request reaches a node that does not hold their HTTP session: after a blue/green
 * cutover, a rollback, or the loss of a node. At sign-in the browser gets a random token (HttpOnly, SameSite=Lax
 * cookie) whose hash {@link RememberedSignIns} keeps in the database; a node without the session signs the request in
 * from it, with the roles given at sign-in, without a redirect (an AJAX save or a WebSocket handshake cannot follow
 * one). Sign-out forgets the token. Replicating sessions instead was measured ~15 times slower.
 *
 * <p>Every signed-in request is first checked against what Keycloak says now ({@link AccountStandings}): a user
 * disabled there, whose Keycloak sessions ended, or whose roles changed, is signed out here and their remembered
 * sign-ins forgotten, so pages send them to sign-in and the API answers 401.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION - 10)
public abstract class RememberedSignInDecorator implements HttpAuthenticationMechanism {

    static final String COOKIE = "pyroom_signin";
    private static final Logger LOG = Logger.getLogger(RememberedSignInDecorator.class.getName());
    private static final String CALLER = RememberedSignInDecorator.class.getName() + ".caller";

    @Inject
    @Delegate
    @Any
    HttpAuthenticationMechanism delegate;

    @Inject
    RememberedSignIns remembered;

    @Inject
    OpenIdContext openIdContext;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountStandings standings;

    /** Who the caller is, with all their roles, kept for the rest of the session on this node. */
    private record RememberedCaller(SignedInCaller principal, Set<String> groups) implements Serializable {}

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        try {
            return signIn(request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            return databaseUnavailable(request, response, context);
        }
    }

    private AuthenticationStatus signIn(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof RememberedCaller caller) {
            if (admitted(caller.principal(), request, response)) {
                return context.notifyContainerAboutLogin(caller.principal(), caller.groups());
            }
            return signedOut(request, response, context);
        }
        Optional<String> token = token(request);
        boolean callback = isCallback(request);
        if (token.isPresent() && !callback && !signedInThroughProvider(session)) {
            Optional<RememberedSignIn> signIn = remembered.find(token.get());
            if (signIn.isPresent()) {
                SignedInCaller principal = new SignedInCaller(
                        signIn.get().username(),
                        signIn.get().subject(),
                        signIn.get().groups());
                if (admitted(principal, request, response)) {
                    return signInFrom(signIn.get(), principal, request, context);
                }
            }
        }
        AuthenticationStatus status = delegate.validateRequest(request, response, context);
        if (callback && status == AuthenticationStatus.SUCCESS && context.getCallerPrincipal() != null) {
            Set<String> groups = new HashSet<>(context.getGroups());
            SignedInCaller principal =
                    new SignedInCaller(context.getCallerPrincipal().getName(), openIdContext.getSubject(), groups);
            SignInSession.renew(request);
            // From now on this node signs the session's requests in with these roles itself: the container's own
            // session sign-in was seen to lose the roles of a request that follows a closing WebSocket (HTTP 403).
            request.getSession().setAttribute(CALLER, new RememberedCaller(principal, groups));
            standings.signedIn(principal);
            String issued = remembered.remember(principal.subject(), principal.getName(), groups);
            response.addCookie(
                    cookie(request, issued, (int) remembered.lifetime().toSeconds()));
        }
        return status;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        token(request).ifPresent(remembered::forget);
        response.addCookie(cookie(request, "", 0));
        HttpSession session = request.getSession(false);
        boolean providerSession = signedInThroughProvider(session);
        if (session != null) {
            if (!providerSession && session.getAttribute(CALLER) instanceof RememberedCaller caller) {
                // This node holds no provider tokens to end the provider's session with: end it through the admin
                // API, or the next "Sign in" on this browser would silently sign the same person in again.
                standings.endKeycloakSessions(caller.principal().subject());
            }
            session.removeAttribute(CALLER);
        }
        if (providerSession) {
            delegate.cleanSubject(request, response, context);
        }
    }

    /**
     * Whether Keycloak still vouches for the caller. If not, their session on this node ends and their remembered
     * sign-ins are forgotten on every node, so the request goes on as a signed-out one.
     */
    private boolean admitted(SignedInCaller caller, HttpServletRequest request, HttpServletResponse response) {
        Optional<String> refusal = standings.refusal(caller);
        if (refusal.isEmpty()) {
            return true;
        }
        LOG.info(() -> "Signed out " + caller.getName() + ": " + refusal.get());
        remembered.forgetAllOf(caller.subject());
        response.addCookie(cookie(request, "", 0));
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return false;
    }

    /**
     * Answers a request whose session was just ended as a signed-out one. Not through the mechanism: the provider's
     * tokens of the ended session stay at hand until the request ends, and the mechanism would sign it in with them.
     */
    private static AuthenticationStatus signedOut(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (ApiUnauthorizedDecorator.isApi(request)) {
            ApiUnauthorizedDecorator.unauthorized(response);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        // Asked again without a session, the page sends the browser to sign-in and back.
        String query = request.getQueryString();
        return context.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
    }

    /**
     * A remembered sign-in is looked up, and a new one stored, in the database. Without it, public pages and their
     * styles go on signed out; anything that needs sign-in gets the 503 that says why.
     */
    private static AuthenticationStatus databaseUnavailable(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        LOG.warning(() -> "Database unavailable: could not sign in a request for " + request.getRequestURI());
        try {
            DatabaseUnavailable.answer(request, response);
        } catch (IOException | ServletException e) {
            throw new AuthenticationException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus signInFrom(
            RememberedSignIn signIn, SignedInCaller principal, HttpServletRequest request, HttpMessageContext context) {
        SignInSession.renew(request);
        Set<String> groups = new HashSet<>(signIn.groups());
        request.getSession().setAttribute(CALLER, new RememberedCaller(principal, groups));
        currentUser.signIn(new SignedInUser(signIn.userId(), signIn.username(), signIn.displayName()));
        return context.notifyContainerAboutLogin(principal, groups);
    }

    private boolean signedInThroughProvider(HttpSession session) {
        return session != null && openIdContext.getAccessToken() != null;
    }

    private static boolean isCallback(HttpServletRequest request) {
        return request.getRequestURI().equals(request.getContextPath() + "/callback");
    }

    private static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(cookie -> COOKIE.equals(cookie.getName())
                                && !cookie.getValue().isBlank())
                        .map(Cookie::getValue)
                        .findFirst();
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(SignInSession.overTls(request));
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
