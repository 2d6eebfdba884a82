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
 */
public record DockerSettings(String host, String baseImage, Duration startTimeout) {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    public static final String DEFAULT_BASE_IMAGE = "debian:bookworm-slim";

    public DockerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (host.isBlank() || baseImage.isBlank()) {
            throw new IllegalArgumentException("the Docker host and base image must be named");
        }
    }

    public static DockerSettings of(String host, String baseImage) {
        return new DockerSettings(host, baseImage, Duration.ofSeconds(30));
    }
}
