package dev.pyroom.identity.boundary;

import dev.pyroom.identity.entity.RememberedSignIn;
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
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps users signed in when their request reaches a node that does not hold their HTTP session: after a blue/green
 * cutover, a rollback, or the loss of a node. At sign-in the browser gets a random token (HttpOnly, SameSite=Lax
 * cookie) whose hash {@link RememberedSignIns} keeps in the database; a node without the session signs the request in
 * from it, with the roles given at sign-in, without a redirect (an AJAX save or a WebSocket handshake cannot follow
 * one). Sign-out forgets the token. Replicating sessions instead was measured ~15 times slower.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION - 10)
public abstract class RememberedSignInDecorator implements HttpAuthenticationMechanism {

    static final String COOKIE = "pyroom_signin";
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

    /** Who the caller is, with their roles, kept for the rest of the session on this node. */
    private record RememberedCaller(String name, Set<String> groups) implements Serializable {}

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof RememberedCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        Optional<String> token = token(request);
        boolean callback = isCallback(request);
        if (token.isPresent() && !callback && !signedInThroughProvider(session)) {
            Optional<RememberedSignIn> signIn = remembered.find(token.get());
            if (signIn.isPresent()) {
                return signInFrom(signIn.get(), request, context);
            }
        }
        AuthenticationStatus status = delegate.validateRequest(request, response, context);
        if (callback && status == AuthenticationStatus.SUCCESS && context.getCallerPrincipal() != null) {
            String name = context.getCallerPrincipal().getName();
            SignInSession.renew(request);
            // From now on this node signs the session's requests in with these roles itself: the container's own
            // session sign-in was seen to lose the roles of a request that follows a closing WebSocket (HTTP 403).
            request.getSession().setAttribute(CALLER, new RememberedCaller(name, new HashSet<>(context.getGroups())));
            String issued = remembered.remember(openIdContext.getSubject(), name, context.getGroups());
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
            session.removeAttribute(CALLER);
        }
        // A node that signed the user in from the token holds no provider tokens to end the provider's session with.
        if (providerSession) {
            delegate.cleanSubject(request, response, context);
        }
    }

    private AuthenticationStatus signInFrom(
            RememberedSignIn signIn, HttpServletRequest request, HttpMessageContext context) {
        SignInSession.renew(request);
        Set<String> groups = new HashSet<>(signIn.groups());
        request.getSession().setAttribute(CALLER, new RememberedCaller(signIn.username(), groups));
        currentUser.signIn(new SignedInUser(signIn.userId(), signIn.username(), signIn.displayName()));
        return context.notifyContainerAboutLogin(signIn.username(), groups);
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
