package dev.pyroom.identity.control;

import dev.pyroom.identity.entity.IdentityProfile;
import dev.pyroom.identity.entity.User;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@Dependent
public class UserRepository {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /**
     * Creates the user on first sign-in, refreshes the profile afterwards. A single upsert, because two nodes may see
     * the same first sign-in at once.
     */
    public long provision(IdentityProfile profile) {
        Number id = (Number) em.createNativeQuery("""
                        INSERT INTO app_user (subject, username, email, display_name)
                        VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (subject) DO UPDATE
                           SET username = EXCLUDED.username, email = EXCLUDED.email,
                               display_name = EXCLUDED.display_name, last_login_at = now()
                        RETURNING id""")
                .setParameter(1, profile.subject())
                .setParameter(2, profile.username())
                .setParameter(3, profile.email())
                .setParameter(4, profile.displayName())
                .getSingleResult();
        return id.longValue();
    }

    /** The user who last signed in under this name. */
    public Optional<User> findByUsername(String username) {
        return em.createNamedQuery(User.FIND_BY_USERNAME, User.class)
                .setParameter("username", username)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The user the identity provider knows by this subject, once they signed in. */
    public Optional<User> findBySubject(String subject) {
        return em.createNamedQuery(User.FIND_BY_SUBJECT, User.class)
                .setParameter("subject", subject)
                .getResultStream()
                .findFirst();
    }

    public Optional<User> find(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    public User get(long id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no user " + id));
    }
}
