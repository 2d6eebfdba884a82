package dev.pyroom.platform.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The nodes' heartbeats, by which any node can tell a live node from a dead one. */
@Dependent
public class NodeRepository {

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public void beat(String nodeId, String colour) {
        em.createNativeQuery("""
                        INSERT INTO node (id, colour, started_at, seen_at) VALUES (?1, ?2, now(), now())
                        ON CONFLICT (id) DO UPDATE SET seen_at = now()""")
                .setParameter(1, nodeId)
                .setParameter(2, colour)
                .executeUpdate();
    }

    public void forget(String nodeId) {
        em.createNativeQuery("DELETE FROM node WHERE id = ?1")
                .setParameter(1, nodeId)
                .executeUpdate();
    }

    /** The nodes heard from within {@code silence}. */
    public Set<String> liveNodeIds(Duration silence) {
        List<?> ids = em.createNativeQuery("SELECT id FROM node WHERE seen_at >= now() - make_interval(secs => ?1)")
                .setParameter(1, (double) silence.toSeconds())
                .getResultList();
        return ids.stream().map(String::valueOf).collect(Collectors.toSet());
    }

    /**
     * Forgets nodes silent for longer than {@code silence}, and the sandboxes they claimed: those are gone with their
     * node, and their workspaces are safe in the database.
     *
     * @return how many sandbox claims were dropped
     */
    public int forgetSilentNodes(Duration silence) {
        double seconds = silence.toSeconds();
        int sandboxes = em.createNativeQuery("""
                        DELETE FROM sandbox s WHERE NOT EXISTS (
                            SELECT 1 FROM node n WHERE n.id = s.node_id
                               AND n.seen_at >= now() - make_interval(secs => ?1))""").setParameter(1, seconds).executeUpdate();
        em.createNativeQuery("""
                        DELETE FROM sandbox_command c WHERE NOT EXISTS (
                            SELECT 1 FROM node n WHERE n.id = c.node_id
                               AND n.seen_at >= now() - make_interval(secs => ?1))""").setParameter(1, seconds).executeUpdate();
        em.createNativeQuery("DELETE FROM node WHERE seen_at < now() - make_interval(secs => ?1)")
                .setParameter(1, seconds)
                .executeUpdate();
        return sandboxes;
    }
}
