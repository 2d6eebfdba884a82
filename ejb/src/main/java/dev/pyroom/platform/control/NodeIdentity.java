package dev.pyroom.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This running node: a fresh id for every start (a restarted node's old sandboxes are gone, so it must not inherit
 * their claims) and the colour of the cluster it belongs to.
 */
@ApplicationScoped
public class NodeIdentity {

    private final String id = "node-" + UUID.randomUUID().toString().substring(0, 13);

    @Inject
    @ConfigProperty(name = "pyroom.node.colour", defaultValue = "local")
    String colour;

    public String id() {
        return id;
    }

    public String colour() {
        return colour;
    }
}
