package dev.pyroom.identity.boundary;

import dev.pyroom.identity.entity.IdentityProfile;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/** Makes sure every authenticated request has its user provisioned in the database and known to the session. */
@WebFilter(urlPatterns = "/*")
public class SignInProvisioningFilter extends HttpFilter {

    @Inject
    CurrentUser currentUser;

    @Inject
    OpenIdContext openIdContext;

    @Inject
    UserService users;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        if (principal != null && !currentUser.isSignedInAs(principal.getName())) {
            currentUser.signIn(users.signIn(profileOf(principal)));
            SignedInSessions.signedIn(request.getSession());
        }
        chain.doFilter(request, response);
    }

    private IdentityProfile profileOf(Principal principal) {
        JwtClaims claims = openIdContext.getIdentityToken().getJwtClaims();
        return new IdentityProfile(
                openIdContext.getSubject(),
                principal.getName(),
                claims.getStringClaim("email").orElse(null),
                claims.getStringClaim("name").orElse(null));
    }
}
