package dev.pyroom.workspace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The upload limits as configured (docs/operations.md). */
@ApplicationScoped
public class UploadSettings {

    @Inject
    @ConfigProperty(name = "pyroom.upload.max-bytes", defaultValue = "5242880")
    long maxUploadBytes;

    @Inject
    @ConfigProperty(name = "pyroom.upload.max-files", defaultValue = "200")
    int maxFiles;

    @Inject
    @ConfigProperty(name = "pyroom.upload.max-unpacked-bytes", defaultValue = "10485760")
    long maxUnpackedBytes;

    public UploadLimits limits() {
        return new UploadLimits(maxUploadBytes, maxFiles, maxUnpackedBytes);
    }
}
