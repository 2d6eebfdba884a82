package dev.pyroom.sandbox.control;

import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine the Docker backend's tests use: {@code DOCKER_HOST}, on the base image
 * {@code PYROOM_SANDBOX_BASE_IMAGE}. {@code bin/pyroom test} starts a private engine, builds the base with debootstrap
 * and sets {@code PYROOM_TEST_DOCKER=1}, which turns a missing engine into a failure; elsewhere the tests are skipped
 * without one.
 */
public final class DockerEngine {

    private DockerEngine() {}

    public static SandboxBackend backend() {
        return backend("test-node");
    }

    /** A backend whose containers are labelled as those of the given node. */
    static SandboxBackend backend(String node) {
        String host = System.getenv().getOrDefault("DOCKER_HOST", DockerSettings.DEFAULT_HOST);
        String base = System.getenv().getOrDefault("PYROOM_SANDBOX_BASE_IMAGE", DockerSettings.DEFAULT_BASE_IMAGE);
        try {
            return DockerBackend.start(DockerSettings.of(host, base, node));
        } catch (SandboxException e) {
            if ("1".equals(System.getenv("PYROOM_TEST_DOCKER"))) {
                throw e;
            }
            Assumptions.abort("no Docker engine for the sandbox tests at " + host + ": " + e.getMessage());
            throw e;
        }
    }
}
