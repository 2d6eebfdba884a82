package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.RunResult;
import dev.pyroom.sandbox.entity.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containers of a node that stopped without closing its sandboxes are removed by a node still alive. */
class DockerLeftoversTest {

    private final String crashed = "node-crashed-" + UUID.randomUUID();
    private final String survivor = "node-survivor-" + UUID.randomUUID();

    @Test
    void containersOfNodesNoLongerAliveAreRemovedAndTheLiveNodesKeepTheirs(@TempDir Path directory) throws Exception {
        try (SandboxBackend crashedBackend = DockerEngine.backend(crashed);
                SandboxBackend survivorBackend = DockerEngine.backend(survivor);
                DockerClient engine = engine()) {
            crashedBackend.open(SandboxSpec.of(workspace(directory, "crashed")));
            Path keptWorkspace = workspace(directory, "kept");
            Files.writeString(keptWorkspace.resolve("main.py"), "print('still here')");
            Sandbox kept = survivorBackend.open(SandboxSpec.of(keptWorkspace));
            assertEquals(1, containersOf(engine, crashed));

            survivorBackend.removeLeftovers(Set.of(survivor));

            assertEquals(0, containersOf(engine, crashed), "the stopped node's container is still there");
            assertEquals(1, containersOf(engine, survivor), "the live node lost its container");
            Transcript transcript = new Transcript();
            RunResult result = kept.start(RunRequest.of("main.py"), transcript)
                    .result()
                    .get(SandboxContract.RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals(RunEnding.EXITED, result.ending());
            assertTrue(transcript.stdout().contains("still here"), transcript.stdout());
        }
    }

    private static Path workspace(Path directory, String name) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Files.createDirectory(directory.resolve(name));
    }

    private static int containersOf(DockerClient engine, String node) {
        return engine.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("dev.pyroom.node", node))
                .exec()
                .size();
    }

    private static DockerClient engine() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(System.getenv().getOrDefault("DOCKER_HOST", DockerSettings.DEFAULT_HOST))
                .build();
        return DockerClientImpl.getInstance(
                config,
                new ApacheDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .build());
    }
}
