package dev.pyroom.identity.control;

import dev.pyroom.identity.boundary.Roles;
import dev.pyroom.identity.entity.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;

/**
 * Asks Keycloak, through its admin client ({@link KeycloakAdmin}), where signed-in users stand, and ends their
 * Keycloak sessions. Users are named by their Keycloak id, the {@code sub} of their tokens.
 */
@ApplicationScoped
public class KeycloakStandings {

    private static final int PAGE = 500;

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    IdentityProviderSettings identityProvider;

    private volatile String signInClientId;

    /**
     * Where each of these users stands. Two questions cover everyone (the disabled accounts, the sessions of Pyroom's
     * sign-in client), then one per user (their effective realm roles).
     *
     * @throws KeycloakUnreachableException when Keycloak does not answer or refuses the directory client
     */
    public Map<String, Standing> standingsOf(Collection<String> subjects) {
        return keycloak.ask(() -> {
            RealmResource realm = keycloak.realm();
            Set<String> disabled = pages((first, max) ->
                            realm.users().search(null, null, null, null, null, null, null, first, max, false, true))
                    .stream()
                    .map(UserRepresentation::getId)
                    .collect(Collectors.toSet());
            Set<String> withSession =
                    pages((first, max) ->
                                    realm.clients().get(signInClientId(realm)).getUserSessions(first, max))
                            .stream()
                            .map(UserSessionRepresentation::getUserId)
                            .collect(Collectors.toSet());
            Map<String, Standing> standings = new HashMap<>();
            for (String subject : subjects) {
                standings.put(
                        subject,
                        rolesOf(realm.users().get(subject))
                                .map(roles ->
                                        new Standing(!disabled.contains(subject), withSession.contains(subject), roles))
                                .orElse(Standing.gone()));
            }
            return standings;
        });
    }

    /**
     * Where one user stands, asked about them alone.
     *
     * @throws KeycloakUnreachableException when Keycloak does not answer or refuses the directory client
     */
    public Standing standingOf(String subject) {
        return keycloak.ask(() -> {
            UserResource user = keycloak.realm().users().get(subject);
            try {
                UserRepresentation account = user.toRepresentation();
                String clientId = identityProvider.getClientId();
                boolean hasSession = user.getUserSessions().stream()
                        .anyMatch(session -> session.getClients().containsValue(clientId));
                return new Standing(
                        Boolean.TRUE.equals(account.isEnabled()),
                        hasSession,
                        pyroomRoles(user.roles().realmLevel().listEffective()));
            } catch (NotFoundException e) {
                return Standing.gone();
            }
        });
    }

    /**
     * Ends every Keycloak session of the user, so that the next sign-in asks for their password.
     *
     * @throws KeycloakUnreachableException when Keycloak does not answer or refuses the directory client
     */
    public void endSessions(String subject) {
        keycloak.ask(() -> {
            try {
                keycloak.realm().users().get(subject).logout();
            } catch (NotFoundException e) {
                // No such user any more: no session either.
            }
            return null;
        });
    }

    private static Optional<Set<String>> rolesOf(UserResource user) {
        try {
            return Optional.of(pyroomRoles(user.roles().realmLevel().listEffective()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Set<String> pyroomRoles(List<RoleRepresentation> roles) {
        return roles.stream()
                .map(RoleRepresentation::getName)
                .filter(Roles.ALL::contains)
                .collect(Collectors.toSet());
    }

    private String signInClientId(RealmResource realm) {
        if (signInClientId == null) {
            signInClientId = realm.clients().findByClientId(identityProvider.getClientId()).stream()
                    .findFirst()
                    .orElseThrow(() -> new KeycloakUnreachableException(
                            "Keycloak has no client " + identityProvider.getClientId()))
                    .getId();
        }
        return signInClientId;
    }

    private static <T> List<T> pages(BiFunction<Integer, Integer, List<T>> page) {
        List<T> all = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<T> next = page.apply(first, PAGE);
            all.addAll(next);
            if (next.size() < PAGE) {
                return all;
            }
        }
    }
}
