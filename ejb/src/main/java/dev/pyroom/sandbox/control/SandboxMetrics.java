package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * This node's sandboxes and runs as Prometheus sees them on {@code /metrics}: runs by how they ended, how long they
 * took, and the sandboxes open here, running or idle. Counters for every ending exist from the start, so an alert on
 * a rate never waits for a first failure.
 */
@ApplicationScoped
public class SandboxMetrics {

    static final String RUNS = "pyroom.runs";
    static final String RUN_DURATION = "pyroom.run.duration";
    static final String SANDBOXES = "pyroom.sandboxes";

    private final Map<Long, AtomicInteger> runningByWorkspace = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry registry;

    @Inject
    NodeSandboxes sandboxes;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (RunEnding ending : RunEnding.values()) {
            registry.counter(
                    Metadata.builder()
                            .withName(RUNS)
                            .withDescription("Runs ended on this node, by why they ended")
                            .build(),
                    endingTag(ending));
        }
        registry.timer(Metadata.builder()
                .withName(RUN_DURATION)
                .withDescription("How long runs took, from the program's start to its end")
                .withUnit(MetricUnits.SECONDS)
                .build());
        Metadata open = Metadata.builder()
                .withName(SANDBOXES)
                .withDescription("Sandboxes open on this node: running a program, or idle")
                .build();
        registry.gauge(open, this, SandboxMetrics::running, new Tag("state", "running"));
        registry.gauge(open, this, SandboxMetrics::idle, new Tag("state", "idle"));
    }

    /** A run started in the workspace's sandbox. */
    public void runStarted(long workspaceId) {
        runningByWorkspace
                .computeIfAbsent(workspaceId, id -> new AtomicInteger())
                .incrementAndGet();
    }

    /** A run ended; without a result (it broke off) it counts as a sandbox failure. */
    public void runEnded(long workspaceId, RunResult result) {
        runningByWorkspace.computeIfPresent(workspaceId, (id, count) -> count.decrementAndGet() > 0 ? count : null);
        RunEnding ending = result == null ? RunEnding.SANDBOX_FAILED : result.ending();
        registry.counter(RUNS, endingTag(ending)).inc();
        if (result != null) {
            registry.timer(RUN_DURATION).update(result.duration());
        }
    }

    private long running() {
        return runningByWorkspace.size();
    }

    private long idle() {
        return Math.max(0, sandboxes.all().size() - running());
    }

    private static Tag endingTag(RunEnding ending) {
        return new Tag("ending", ending.name().toLowerCase(Locale.ROOT));
    }
}
