package dev.pyroom.sandbox.control;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Docker backend reaches its engine and what its sandbox image is built on.
 *
 * @param host the engine's address, such as {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}
 * @param baseImage the image the sandbox image is built on: any Debian or Ubuntu image; one that already holds
 *     {@code python3} and {@code python3-seccomp} needs no network to build on
 * @param startTimeout how long a sandbox may take from creating its container to its agent's greeting
 * @param node the Pyroom node whose containers these are: containers of nodes that stopped are removed
 */
public record DockerSettings(String host, String baseImage, Duration startTimeout, String node) {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    public static final String DEFAULT_BASE_IMAGE = "debian:bookworm-slim";

    public DockerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(node, "node");
        if (host.isBlank() || baseImage.isBlank() || node.isBlank()) {
            throw new IllegalArgumentException("the Docker host, base image and node must be named");
        }
    }

    public static DockerSettings of(String host, String baseImage, String node) {
        return new DockerSettings(host, baseImage, Duration.ofSeconds(30), node);
    }
}
