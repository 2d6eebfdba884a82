package dev.pyroom.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The sandbox backend this node uses, started once and closed with the application. */
@ApplicationScoped
public class SandboxBackendProducer {

    @Inject
    SandboxSettings settings;

    @Produces
    @ApplicationScoped
    SandboxBackend backend() {
        return settings.startBackend();
    }

    void close(@Disposes SandboxBackend backend) {
        backend.close();
    }
}
