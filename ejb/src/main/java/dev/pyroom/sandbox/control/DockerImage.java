package dev.pyroom.sandbox.control;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The image sandboxes run in: {@code sandbox/Dockerfile} on the configured base image, with this release's agent. Its
 * tag names what it was built from (the base image's id included, so a base rebuilt under the same name with other
 * packages gets a new sandbox image), so a release never runs another release's agent, and each engine builds it
 * once.
 */
final class DockerImage {

    private static final Logger LOG = Logger.getLogger(DockerImage.class.getName());
    private static final String REPOSITORY = "pyroom-sandbox";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private DockerImage() {}

    /** The tag of the sandbox image, built first if the engine does not have it. */
    static String ensure(DockerClient client, String baseImage) {
        Map<String, byte[]> context = context();
        String tag = REPOSITORY + ":" + fingerprint(context, baseImage + "@" + baseImageId(client, baseImage));
        try {
            client.inspectImageCmd(tag).exec();
            return tag;
        } catch (NotFoundException e) {
            LOG.info(() -> "building the sandbox image " + tag + " on " + baseImage);
        }
        try (InputStream tar = new ByteArrayInputStream(tar(context))) {
            String id = client.buildImageCmd(tar)
                    .withBuildArg("BASE", baseImage)
                    .withTags(Set.of(tag))
                    .withPull(false)
                    .withRemove(true)
                    .exec(new BuildImageResultCallback())
                    .awaitImageId(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            LOG.info(() -> "built the sandbox image " + tag + " (" + id + ")");
            return tag;
        } catch (IOException | RuntimeException e) {
            throw new SandboxException("cannot build the sandbox image on " + baseImage + ": " + e.getMessage(), e);
        }
    }

    /** The base image's id, or nothing where the engine has yet to pull it (the build then does). */
    private static String baseImageId(DockerClient client, String baseImage) {
        try {
            return client.inspectImageCmd(baseImage).exec().getId();
        } catch (NotFoundException e) {
            return "";
        }
    }

    /** The build context: the Dockerfile, the agent and the seccomp filter's source, by their paths in it. */
    private static Map<String, byte[]> context() {
        List<String> names = new ArrayList<>(List.of("Dockerfile", "seccomp_filter.py"));
        SandboxRuntime.AGENT_MODULES.forEach(module -> names.add("agent/" + module));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : names) {
            try (InputStream in = DockerImage.class.getResourceAsStream("/sandbox/" + name)) {
                if (in == null) {
                    throw new SandboxException("resource sandbox/" + name + " is missing");
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new SandboxException("cannot read resource sandbox/" + name, e);
            }
        }
        return files;
    }

    private static String fingerprint(Map<String, byte[]> context, String baseImage) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(baseImage.getBytes(StandardCharsets.UTF_8));
            context.forEach((name, content) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(content);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] tar(Map<String, byte[]> context) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : context.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                entry.setMode(0644);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
