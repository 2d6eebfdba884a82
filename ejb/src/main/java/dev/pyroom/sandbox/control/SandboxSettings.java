package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sandbox settings from MicroProfile Config; docs/operations.md lists every key. */
@ApplicationScoped
public class SandboxSettings {

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.root", defaultValue = "/tmp/pyroom-sandboxes")
    String root;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.backend", defaultValue = "bubblewrap")
    String backend;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.docker.host", defaultValue = DockerSettings.DEFAULT_HOST)
    String dockerHost;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.docker.base-image", defaultValue = DockerSettings.DEFAULT_BASE_IMAGE)
    String dockerBaseImage;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.max-lifetime", defaultValue = "PT2H")
    Duration maxLifetime;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.dead-node-after", defaultValue = "PT1M")
    Duration deadNodeAfter;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.reap-interval", defaultValue = "PT1M")
    Duration reapInterval;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.live-sync-interval", defaultValue = "PT2S")
    Duration liveSyncInterval;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.run.wall-time", defaultValue = "PT10S")
    Duration wallTime;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.run.cpu-time", defaultValue = "PT5S")
    Duration cpuTime;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.run.memory-bytes", defaultValue = "268435456")
    long memoryBytes;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.run.processes", defaultValue = "64")
    int processes;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.run.output-bytes", defaultValue = "1048576")
    long outputBytes;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.run.file-size-bytes", defaultValue = "10485760")
    long fileSizeBytes;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.runs-per-user", defaultValue = "2")
    int runsPerUser;

    /** 0: as many as the node has processors. */
    @Inject
    @ConfigProperty(name = "pyroom.sandbox.parallel-starts", defaultValue = "0")
    int parallelStarts;

    @Inject
    @ConfigProperty(name = "pyroom.sandbox.spares", defaultValue = "2")
    int spares;

    @Inject
    @ConfigProperty(name = "pyroom.websocket.output-buffer-bytes", defaultValue = "1048576")
    long outputBufferBytes;

    /** Where this host keeps sandbox workspaces, one folder per node. */
    public Path root() {
        return Path.of(root);
    }

    /**
     * Starts the configured backend for a node: {@code bubblewrap} (the default) or {@code docker}.
     *
     * @throws IllegalArgumentException when the configuration names another backend
     */
    public SandboxBackend startBackend(String node) {
        return switch (backend) {
            case "bubblewrap" -> BubblewrapBackend.start(BubblewrapSettings.defaults());
            case "docker" -> DockerBackend.start(DockerSettings.of(dockerHost, dockerBaseImage, node));
            default ->
                throw new IllegalArgumentException(
                        "pyroom.sandbox.backend must be bubblewrap or docker, not " + backend);
        };
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** How long a node may stay silent before the others take it for dead and drop its sandboxes. */
    public Duration deadNodeAfter() {
        return deadNodeAfter;
    }

    /** How often each node looks for sandboxes to end. */
    public Duration reapInterval() {
        return reapInterval;
    }

    /** How often files a running program or an open terminal changes are brought back into the database. */
    public Duration liveSyncInterval() {
        return liveSyncInterval;
    }

    public RunLimits runLimits() {
        return new RunLimits(wallTime, cpuTime, memoryBytes, processes, outputBytes, fileSizeBytes);
    }

    /** Programs one user may run at once on this node, across their workspaces. */
    public int runsPerUser() {
        return runsPerUser;
    }

    /** Sandboxes this node opens at the same time; more wait their turn. */
    public int parallelStarts() {
        return parallelStarts > 0 ? parallelStarts : Runtime.getRuntime().availableProcessors();
    }

    /** Empty sandboxes this node keeps open ahead of need, for checks and first runs; 0 keeps none. */
    public int spares() {
        return Math.max(0, spares);
    }

    /** Output a WebSocket connection may hold for a browser that is not keeping up, in bytes. */
    public long outputBufferBytes() {
        return outputBufferBytes;
    }
}
