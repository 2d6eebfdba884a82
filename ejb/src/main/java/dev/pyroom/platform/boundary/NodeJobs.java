package dev.pyroom.platform.boundary;

import dev.pyroom.platform.control.NodeIdentity;
import dev.pyroom.platform.control.NodeRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps this node's heartbeat fresh, so that other nodes can tell it is alive. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class NodeJobs {

    private static final Logger LOG = Logger.getLogger(NodeJobs.class.getName());

    @Inject
    NodeIdentity node;

    @Inject
    NodeRepository nodes;

    @PostConstruct
    void announce() {
        nodes.beat(node.id(), node.colour());
        LOG.info(() -> "Node " + node.id() + " (" + node.colour() + ") is up");
    }

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void heartbeat() {
        try {
            nodes.beat(node.id(), node.colour());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Heartbeat failed; other nodes may soon take this node for dead", e);
        }
    }

    @PreDestroy
    void retire() {
        try {
            nodes.forget(node.id());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not retire node " + node.id(), e);
        }
    }
}
