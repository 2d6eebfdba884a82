package dev.pyroom.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** The sandbox backend this node uses, started once and closed with the application. */
@ApplicationScoped
public class SandboxBackendProducer {

    @Produces
    @ApplicationScoped
    SandboxBackend backend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }

    void close(@Disposes SandboxBackend backend) {
        backend.close();
    }
}
