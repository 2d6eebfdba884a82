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

/**
 * Remembers which page a signed-out user asked for, so that {@link SignInCallbackServlet} can take them there after
 * sign-in. (The mechanism's own "redirect to original resource" replays the request and breaks Faces pages.)
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION + 10)
public abstract class ReturnAfterSignInDecorator implements HttpAuthenticationMechanism {

    static final String TARGET = ReturnAfterSignInDecorator.class.getName() + ".target";

    @Inject
    @Delegate
    @Any
    HttpAuthenticationMechanism delegate;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        if (context.isProtected() && request.getUserPrincipal() == null && "GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            String target = request.getRequestURI() + (query == null ? "" : "?" + query);
            request.getSession().setAttribute(TARGET, target);
        }
        return delegate.validateRequest(request, response, context);
    }
}
