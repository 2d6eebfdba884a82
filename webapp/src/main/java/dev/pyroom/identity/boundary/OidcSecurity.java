package dev.pyroom.identity.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * Sign-in through the identity provider with standard OpenID Connect (Jakarta Security). The realm's roles arrive in
 * the {@code groups} claim and become the container's roles.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${identityProvider.providerUri}",
        clientId = "${identityProvider.clientId}",
        clientSecret = "${identityProvider.clientSecret}",
        redirectURI = "${baseURL}/callback",
        redirectToOriginalResource = false,
        scope = {"openid", "email", "profile"},
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"),
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/"),
        tokenAutoRefresh = true)
@DeclareRoles({Roles.STUDENT, Roles.INSTRUCTOR, Roles.ADMIN})
@ApplicationScoped
public class OidcSecurity {}
