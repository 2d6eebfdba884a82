package dev.pyroom.sandbox.control;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sandboxes as Docker containers: no network, memory, process and CPU limits, a read-only root, an unprivileged user
 * without capabilities or new privileges, sized tmpfs mounts as the only writable places, Pyroom's seccomp filter on
 * top of the engine's, and a cleared environment. The agent is PID 1, and the host talks to it over the container's
 * attached stdin and stdout: a run costs one message, not an API call.
 */
public final class DockerBackend implements SandboxBackend {

    private static final Logger LOG = Logger.getLogger(DockerBackend.class.getName());
    /** The agent, PID 1 of the container. */
    private static final int OWN_PROCESSES = 1;

    private static final long SMALL_TMPFS_BYTES = 8L * 1024 * 1024;
    private static final String LABEL = "dev.pyroom.sandbox";
    private static final String NODE_LABEL = "dev.pyroom.node";
    // Holds the agent back until the host is attached, and leaves out the one variable the engine adds.
    private static final String LAUNCHER = "read -r _ || exit 70; unset HOSTNAME; exec \"$@\"";
    private static final List<String> ENTRYPOINT = List.of(
            "/bin/sh",
            "-c",
            LAUNCHER,
            "pyroom-launcher",
            "/usr/bin/python3",
            "-I",
            "-S",
            "/run/pyroom/agent/agent.py",
            "/run/pyroom/seed",
            BubblewrapCommand.WORKSPACE,
            "/run/pyroom/seccomp.bpf");

    private final DockerSettings settings;
    private final DockerClient client;
    private final String image;
    private final Set<Sandbox> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private DockerBackend(DockerSettings settings, DockerClient client, String image) {
        this.settings = settings;
        this.client = client;
        this.image = image;
    }

    /**
     * Connects to the engine and makes sure it has this release's sandbox image, building it if not.
     *
     * @throws SandboxException when the engine cannot be reached or the image cannot be built
     */
    public static DockerBackend start(DockerSettings settings) {
        DockerClient client = connect(settings.host());
        try {
            client.pingCmd().exec();
            String image = DockerImage.ensure(client, settings.baseImage());
            LOG.info(() -> "sandboxes are Docker containers of " + image + " on " + settings.host());
            return new DockerBackend(settings, client, image);
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e instanceof SandboxException known
                    ? known
                    : new SandboxException("cannot reach the Docker engine at " + settings.host(), e);
        }
    }

    @Override
    public Sandbox open(SandboxSpec spec) {
        if (closed) {
            throw new IllegalStateException("the backend is closed");
        }
        if (!Files.isDirectory(spec.workspace(), LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("workspace is not a directory: " + spec.workspace());
        }
        long memory = RunLimits.DEFAULTS.memoryBytes();
        int processes = RunLimits.DEFAULTS.processes() + OWN_PROCESSES;
        String id = create(spec, memory, processes);
        DockerContainer container;
        try {
            container = DockerContainer.start(client, id, settings.startTimeout());
        } catch (IOException e) {
            throw new SandboxException("cannot start a sandbox container: " + e.getMessage(), e);
        }
        DockerSlot slot = new DockerSlot(client, id, memory, processes);
        Sandbox sandbox = AgentSandbox.launch(container, slot, OWN_PROCESSES, settings.startTimeout(), open::remove);
        open.add(sandbox);
        if (!sandbox.isAlive()) {
            open.remove(sandbox);
        }
        try {
            HostSeed.copy(spec.workspace(), sandbox);
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw new SandboxException("cannot give a sandbox its files", e);
        }
        return sandbox;
    }

    @Override
    public void removeLeftovers(Set<String> liveNodes) {
        List<Container> containers = client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(LABEL, "1"))
                .exec();
        for (Container container : containers) {
            String node = container.getLabels().get(NODE_LABEL);
            if (node != null && !liveNodes.contains(node)) {
                remove(container.getId(), node);
            }
        }
    }

    private void remove(String id, String node) {
        try {
            client.removeContainerCmd(id).withForce(true).exec();
            LOG.info(() -> "Removed sandbox container " + id.substring(0, 12) + " of stopped node " + node);
        } catch (NotFoundException | ConflictException e) {
            // Already gone, or the engine is removing it: either way it is on its way out.
            LOG.log(Level.FINE, "sandbox container " + id + " is already going", e);
        }
    }

    private String create(SandboxSpec spec, long memory, int processes) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withMemory(memory)
                .withMemorySwap(memory)
                .withPidsLimit((long) processes)
                .withNanoCPUs(Math.round(spec.cpuCores() * 1e9))
                .withReadonlyRootfs(true)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withIpcMode("private")
                // The engine lets containers bind ports below 1024 without privileges; sandboxes keep the usual rule.
                .withSysctls(Map.of("net.ipv4.ip_unprivileged_port_start", "1024"))
                .withShmSize(SMALL_TMPFS_BYTES)
                .withTmpFs(Map.of(
                        "/tmp",
                        tmpfs(spec.tmpBytes(), "1777"),
                        BubblewrapCommand.HOME,
                        tmpfs(SMALL_TMPFS_BYTES, "0755"),
                        BubblewrapCommand.WORKSPACE,
                        tmpfs(spec.workspaceBytes(), "0755")))
                .withAutoRemove(true);
        return client.createContainerCmd(image)
                .withEntrypoint(ENTRYPOINT)
                .withCmd(List.of())
                .withUser(SandboxRuntime.SANDBOX_UID + ":" + SandboxRuntime.SANDBOX_UID)
                .withHostName(SandboxRuntime.HOSTNAME)
                .withWorkingDir(BubblewrapCommand.WORKSPACE)
                .withEnv(BubblewrapCommand.ENVIRONMENT.entrySet().stream()
                        .map(variable -> variable.getKey() + "=" + variable.getValue())
                        .toList())
                .withLabels(Map.of(LABEL, "1", NODE_LABEL, settings.node()))
                .withNetworkDisabled(true)
                .withAttachStdin(true)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withStdinOpen(true)
                .withStdInOnce(true)
                .withHostConfig(host)
                .exec()
                .getId();
    }

    private static String tmpfs(long bytes, String mode) {
        int uid = SandboxRuntime.SANDBOX_UID;
        return "rw,exec,nosuid,nodev,size=" + bytes + ",mode=" + mode + ",uid=" + uid + ",gid=" + uid;
    }

    @Override
    public void close() {
        closed = true;
        List.copyOf(open).forEach(Sandbox::close);
        closeQuietly(client);
    }

    private static DockerClient connect(String host) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(200)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot close the Docker client", e);
        }
    }
}
