package dev.pyroom.identity.boundary;

import dev.pyroom.identity.control.RememberedSignInRepository;
import dev.pyroom.identity.entity.RememberedSignIn;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-ins that every node of either colour recognises, so that a request landing on a node that never saw the
 * user's HTTP session is signed in silently. The browser holds a random token; the database only its hash, so a
 * copy of the database signs no one in.
 */
@Stateless
@PermitAll
public class RememberedSignIns {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RememberedSignInRepository signIns;

    @Inject
    @ConfigProperty(name = "pyroom.sign-in.remember-hours", defaultValue = "12")
    int rememberHours;

    /**
     * Remembers a sign-in the identity provider just confirmed.
     *
     * @return the token for the browser's cookie
     */
    public String remember(String subject, String username, Set<String> groups) {
        signIns.deleteExpired();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        signIns.store(hash(token), subject, username, groups, lifetime());
        return token;
    }

    /** The user a token signs in, unless it is unknown, expired or forgotten. */
    public Optional<RememberedSignIn> find(String token) {
        return signIns.findValid(hash(token));
    }

    /** Forgets a token, at sign-out: the cookie signs no one in any more, wherever it is replayed. */
    public void forget(String token) {
        signIns.delete(hash(token));
    }

    /** Forgets every sign-in remembered for this user: Keycloak no longer vouches for them as they were. */
    public void forgetAllOf(String subject) {
        signIns.deleteAllOf(subject);
    }

    public Duration lifetime() {
        return Duration.ofHours(rememberHours);
    }

    private static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
