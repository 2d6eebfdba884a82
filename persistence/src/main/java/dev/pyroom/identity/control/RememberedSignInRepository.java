package dev.pyroom.identity.control;

import dev.pyroom.identity.entity.RememberedSignIn;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Remembered sign-ins by the hash of their token; the tokens themselves are never stored. */
@Dependent
public class RememberedSignInRepository {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public void store(String tokenHash, String subject, String username, Set<String> groups, Duration lifetime) {
        em.createNativeQuery("""
                        INSERT INTO remembered_sign_in (token_hash, subject, username, groups, expires_at)
                        VALUES (?1, ?2, ?3, ?4, now() + make_interval(secs => ?5))""")
                .setParameter(1, tokenHash)
                .setParameter(2, subject)
                .setParameter(3, username)
                .setParameter(4, String.join(",", groups))
                .setParameter(5, (double) lifetime.toSeconds())
                .executeUpdate();
    }

    /** The unexpired sign-in with this token hash, with its user as provisioned at sign-in. */
    public Optional<RememberedSignIn> findValid(String tokenHash) {
        List<?> rows = em.createNativeQuery("""
                        SELECT u.id, r.subject, r.username, u.display_name, r.groups
                          FROM remembered_sign_in r JOIN app_user u ON u.subject = r.subject
                         WHERE r.token_hash = ?1 AND r.expires_at > now()""").setParameter(1, tokenHash).getResultList();
        return rows.stream().map(row -> (Object[]) row).findFirst().map(RememberedSignInRepository::toSignIn);
    }

    public void delete(String tokenHash) {
        em.createNativeQuery("DELETE FROM remembered_sign_in WHERE token_hash = ?1")
                .setParameter(1, tokenHash)
                .executeUpdate();
    }

    /** Deletes every sign-in remembered for this user, on every browser. */
    public void deleteAllOf(String subject) {
        em.createNativeQuery("DELETE FROM remembered_sign_in WHERE subject = ?1")
                .setParameter(1, subject)
                .executeUpdate();
    }

    public int deleteExpired() {
        return em.createNativeQuery("DELETE FROM remembered_sign_in WHERE expires_at <= now()")
                .executeUpdate();
    }

    private static RememberedSignIn toSignIn(Object[] row) {
        Set<String> groups = Arrays.stream(((String) row[4]).split(","))
                .filter(group -> !group.isBlank())
                .collect(Collectors.toSet());
        return new RememberedSignIn(
                ((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3], groups);
    }
}
