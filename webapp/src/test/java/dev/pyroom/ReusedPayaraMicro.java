package dev.pyroom;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.asset.ArchiveAsset;
import org.jboss.shrinkwrap.api.asset.Asset;

/**
 * Payara Micro for the tests, kept running from one test class to the next while they deploy the same archive: each
 * deployment boots a whole Payara Micro (about half a minute here), and most test classes test the war as built. A
 * class that deploys another archive (other configuration) gets a server of its own; the next one boots afresh.
 */
public class ReusedPayaraMicro extends PayaraMicroDeployableContainer {

    private Archive<?> running;
    private String runningDigest;
    private ProtocolMetaData runningMetaData;

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String digest = digest(archive);
        if (digest.equals(runningDigest)) {
            return runningMetaData;
        }
        stopRunning();
        runningMetaData = super.deploy(archive);
        running = archive;
        runningDigest = digest;
        return runningMetaData;
    }

    /** Keeps the server for the next test class; {@link #stop()} or another archive ends it. */
    @Override
    public void undeploy(Archive<?> archive) {}

    @Override
    public void stop() throws LifecycleException {
        try {
            stopRunning();
        } catch (DeploymentException e) {
            throw new LifecycleException("Payara Micro did not stop", e);
        }
        super.stop();
    }

    private void stopRunning() throws DeploymentException {
        if (running != null) {
            Archive<?> stopping = running;
            running = null;
            runningDigest = null;
            runningMetaData = null;
            super.undeploy(stopping);
        }
    }

    /** What the archive holds, nested archives included, as one SHA-256. */
    static String digest(Archive<?> archive) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            addTo(sha, archive);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addTo(MessageDigest sha, Archive<?> archive) {
        Map<String, Asset> assets = new TreeMap<>();
        archive.getContent().forEach((path, node) -> assets.put(path.get(), node.getAsset()));
        assets.forEach((path, asset) -> {
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (asset instanceof ArchiveAsset nested) {
                addTo(sha, nested.getArchive());
            } else if (asset != null) {
                try (InputStream in = asset.openStream()) {
                    sha.update(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
