package dev.pyroom.sandbox.boundary;

import dev.pyroom.sandbox.control.SandboxReaper;
import dev.pyroom.sandbox.control.SandboxSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reaps sandboxes on every node every {@code pyroom.sandbox.reap-interval}; cluster-wide clean-up goes through a
 * database lease. The timer is not persistent: each node runs its own, and a node that stops takes it along.
 */
@Singleton
@Startup
@DependsOn("NodeJobs")
public class SandboxJobs {

    private static final Logger LOG = Logger.getLogger(SandboxJobs.class.getName());

    @Inject
    SandboxReaper reaper;

    @Inject
    SandboxSettings settings;

    @Resource
    TimerService timers;

    @PostConstruct
    void cleanUpAfterCrashedNodesAndStartReaping() {
        guarded(reaper::cleanUpAfterDeadNodes);
        long interval = settings.reapInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig(null, false));
    }

    @Timeout
    void reap() {
        guarded(reaper::reapThisNode);
        guarded(reaper::cleanUpAfterDeadNodes);
    }

    private static void guarded(Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sandbox clean-up failed; it runs again at the next interval", e);
        }
    }
}
