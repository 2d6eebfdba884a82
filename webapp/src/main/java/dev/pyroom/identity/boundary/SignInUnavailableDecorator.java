package dev.pyroom.identity.boundary;

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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.logging.Logger;

/**
 * When the identity provider cannot be reached, the OpenID Connect mechanism fails with a bare exception that the
 * container turns into an empty HTTP 500. This decorator answers a clear 503 page instead when a page needs sign-in,
 * and lets public pages through untouched.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class SignInUnavailableDecorator implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(SignInUnavailableDecorator.class.getName());
    private static final String PAGE = "/WEB-INF/sign-in-unavailable.html";

    @Inject
    @Delegate
    @Any
    HttpAuthenticationMechanism delegate;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        try {
            return delegate.validateRequest(request, response, context);
        } catch (RuntimeException | AuthenticationException e) {
            if (!providerUnreachable(e)) {
                throw e;
            }
            LOG.warning(() -> "Identity provider unreachable: " + e);
            if (!context.isProtected()) {
                return context.doNothing();
            }
            sendUnavailablePage(request, response);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private static boolean providerUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof HttpTimeoutException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private static void sendUnavailablePage(HttpServletRequest request, HttpServletResponse response) {
        try (InputStream page = request.getServletContext().getResourceAsStream(PAGE)) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "30");
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(page.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
