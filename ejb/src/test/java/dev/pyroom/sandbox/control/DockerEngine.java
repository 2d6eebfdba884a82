package dev.pyroom.sandbox.control;

/**
 * The Docker engine the Docker backend's tests use: {@code DOCKER_HOST} (which {@code bin/pyroom test} points at a
 * private engine it starts), on the base image {@code PYROOM_SANDBOX_BASE_IMAGE} (which it builds with debootstrap).
 */
final class DockerEngine {

    private DockerEngine() {}

    static SandboxBackend backend() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", DockerSettings.DEFAULT_HOST);
        String base = System.getenv().getOrDefault("PYROOM_SANDBOX_BASE_IMAGE", DockerSettings.DEFAULT_BASE_IMAGE);
        return DockerBackend.start(DockerSettings.of(host, base));
    }
}
