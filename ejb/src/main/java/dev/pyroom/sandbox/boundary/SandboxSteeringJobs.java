package dev.pyroom.sandbox.boundary;

import dev.pyroom.sandbox.control.SandboxSteering;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** On every node: carries out the console's requests for its sandboxes each second, and publishes their load. */
@Singleton
@Startup
@DependsOn("NodeJobs")
public class SandboxSteeringJobs {

    private static final Logger LOG = Logger.getLogger(SandboxSteeringJobs.class.getName());

    @Inject
    SandboxSteering steering;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void carryOutRequests() {
        guarded(steering::carryOutRequests);
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void publishLoad() {
        guarded(steering::publishLoad);
    }

    private static void guarded(Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sandbox steering failed; it runs again in a moment", e);
        }
    }
}
