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
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * A script or a page's JavaScript calling the REST API without being signed in gets 401 with a JSON body, not a
 * redirect to the identity provider's login page that it cannot follow. Pages keep redirecting to sign-in.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION + 20)
public abstract class ApiUnauthorizedDecorator implements HttpAuthenticationMechanism {

    @Inject
    @Delegate
    @Any
    HttpAuthenticationMechanism delegate;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        if (!isApi(request)) {
            return delegate.validateRequest(request, response, context);
        }
        NoSignInRedirect answer = new NoSignInRedirect(context.getResponse());
        context.setResponse(answer);
        return delegate.validateRequest(request, answer, context);
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** Answers 401 with a JSON body saying what to do. */
    static void unauthorized(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "OAuth realm=\"pyroom\"");
        response.setContentType("application/json;charset=UTF-8");
        try {
            response.getWriter().write("{\"error\":\"Sign in first.\"}");
        } catch (IOException e) {
            // The status says it all; a client that went away needs no body.
        }
    }

    /** Turns the mechanism's redirect to the login page into a 401. */
    static final class NoSignInRedirect extends HttpServletResponseWrapper {

        NoSignInRedirect(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            unauthorized();
        }

        @Override
        public void setStatus(int status) {
            if (isRedirect(status)) {
                unauthorized();
            } else {
                super.setStatus(status);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Location".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Location".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }

        private void unauthorized() {
            ApiUnauthorizedDecorator.unauthorized((HttpServletResponse) getResponse());
        }

        private static boolean isRedirect(int status) {
            return status >= 300 && status < 400;
        }
    }
}
