package dev.pyroom.sandbox.boundary;

import dev.pyroom.sandbox.control.SandboxReaper;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Reaps sandboxes every minute on every node; cluster-wide clean-up goes through a database lease. */
@Singleton
@Startup
@DependsOn("NodeJobs")
public class SandboxJobs {

    private static final Logger LOG = Logger.getLogger(SandboxJobs.class.getName());

    @Inject
    SandboxReaper reaper;

    @PostConstruct
    void cleanUpAfterCrashedNodes() {
        guarded(reaper::cleanUpAfterDeadNodes);
    }

    @Schedule(hour = "*", minute = "*", persistent = false)
    void reap() {
        guarded(reaper::reapThisNode);
        guarded(reaper::cleanUpAfterDeadNodes);
    }

    private static void guarded(Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sandbox clean-up failed; it runs again in a minute", e);
        }
    }
}
