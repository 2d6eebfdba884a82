package dev.pyroom.sandbox.boundary;

import dev.pyroom.sandbox.control.SandboxSteering;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    @EJB
    SandboxBookkeeping bookkeeping;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void carryOutRequests() {
        guarded(steering::carryOutRequests);
    }

    /**
     * Measuring a few hundred sandboxes of a busy node takes seconds: done without a transaction, so that it holds no
     * claim locked against runs meanwhile, and written in one short transaction after.
     */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void publishLoad() {
        guarded(() -> bookkeeping.recordLoads(steering.measureLoad()));
    }

    private static void guarded(Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sandbox steering failed; it runs again in a moment", e);
        }
    }
}
