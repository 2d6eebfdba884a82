package dev.pyroom.grading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Grading settings from MicroProfile Config; docs/operations.md lists every key. */
@ApplicationScoped
public class GradingSettings {

    @Inject
    @ConfigProperty(name = "pyroom.grading.parallel-checks", defaultValue = "0")
    int parallelChecks;

    @Inject
    @ConfigProperty(name = "pyroom.grading.parallel-snapshots", defaultValue = "0")
    int parallelGrading;

    @Inject
    @ConfigProperty(name = "pyroom.grading.queue-wait", defaultValue = "PT20S")
    Duration queueWait;

    /** Checks this node runs at once; 0 in the configuration means one per processor. */
    public int parallelChecks() {
        return parallelChecks > 0 ? parallelChecks : Runtime.getRuntime().availableProcessors();
    }

    /** Snapshots this node grades at once; 0 in the configuration means one per processor. */
    public int parallelGrading() {
        return parallelGrading > 0 ? parallelGrading : Runtime.getRuntime().availableProcessors();
    }

    /** How long a check waits for its turn before it is refused with "try again". */
    public Duration queueWait() {
        return queueWait;
    }
}
