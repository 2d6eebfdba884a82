package dev.pyroom.sandbox.boundary;

import dev.pyroom.sandbox.control.NodeSandboxes;
import dev.pyroom.sandbox.control.SandboxSettings;
import dev.pyroom.sandbox.control.SessionSandbox;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/**
 * Every {@code pyroom.sandbox.live-sync-interval}, brings back into the database what running programs and open
 * terminals on this node have changed so far, so that their files show in the editor's tree and outlive the node.
 * Each sandbox in use is synced in a transaction of its own; the timer is not persistent, each node runs its own.
 */
@Singleton
@Startup
@DependsOn("NodeJobs")
public class LiveSyncJobs {

    @Inject
    NodeSandboxes sandboxes;

    @Inject
    SandboxBookkeeping bookkeeping;

    @Inject
    SandboxSettings settings;

    @Resource
    TimerService timers;

    @PostConstruct
    void startSyncing() {
        long interval = settings.liveSyncInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig(null, false));
    }

    /** A file the editor saved during the last interval may not have reached the sandbox's copy yet: it wins. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sync() {
        OffsetDateTime editsWinAfter = OffsetDateTime.now().minus(settings.liveSyncInterval());
        for (SessionSandbox sandbox : sandboxes.all()) {
            if (sandbox.isInUse() && sandbox.isAlive()) {
                bookkeeping.syncInUse(sandbox.workspaceId(), editsWinAfter);
            }
        }
    }
}
