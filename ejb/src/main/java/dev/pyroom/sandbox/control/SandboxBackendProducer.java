package dev.pyroom.sandbox.control;

import dev.pyroom.platform.control.NodeIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The sandbox backend this node uses, started once and closed with the application. */
@ApplicationScoped
public class SandboxBackendProducer {

    @Inject
    SandboxSettings settings;

    @Inject
    NodeIdentity node;

    @Produces
    @ApplicationScoped
    SandboxBackend backend() {
        return settings.startBackend(node.id());
    }

    void close(@Disposes SandboxBackend backend) {
        backend.close();
    }
}
