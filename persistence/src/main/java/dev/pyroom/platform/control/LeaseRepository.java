package dev.pyroom.platform.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;

/** Database leases: of all nodes of both colours, one at a time runs a cluster-wide job. */
@Dependent
public class LeaseRepository {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    /**
     * Takes or renews the named lease for {@code holder} when it is free, expired or already held by it.
     *
     * @return whether {@code holder} holds the lease now
     */
    public boolean tryAcquire(String name, String holder, Duration ttl) {
        return !em.createNativeQuery("""
                        INSERT INTO job_lease (name, holder, expires_at)
                        VALUES (?1, ?2, now() + make_interval(secs => ?3))
                        ON CONFLICT (name) DO UPDATE
                           SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
                         WHERE job_lease.expires_at < now() OR job_lease.holder = EXCLUDED.holder
                        RETURNING holder""")
                .setParameter(1, name)
                .setParameter(2, holder)
                .setParameter(3, (double) ttl.toSeconds())
                .getResultList()
                .isEmpty();
    }
}
