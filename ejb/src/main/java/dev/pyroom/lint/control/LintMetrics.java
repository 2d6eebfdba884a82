package dev.pyroom.lint.control;

import dev.pyroom.lint.entity.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * How long lint answers take per tier, how often a tier could not answer, how many requests it turned away as busy,
 * how many a newer version replaced, how many wait for a worker, and how many results the history skipped, for
 * {@code /metrics}.
 */
@ApplicationScoped
public class LintMetrics {

    static final String DURATION = "pyroom.lint.duration";
    static final String FAILURES = "pyroom.lint.failures";
    static final String SHED = "pyroom.lint.shed";
    static final String SUPERSEDED = "pyroom.lint.superseded";
    static final String WAITING = "pyroom.lint.waiting";
    static final String HISTORY_SKIPPED = "pyroom.lint.history.skipped";

    @Inject
    MetricRegistry registry;

    @Inject
    Linter linter;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.counter(Metadata.builder()
                .withName(HISTORY_SKIPPED)
                .withDescription("Lint results not written to the history because every writer was busy")
                .build());
        for (Tier tier : Tier.values()) {
            registry.timer(
                    Metadata.builder()
                            .withName(DURATION)
                            .withDescription("Time to answer a lint request, by tier")
                            .withUnit(MetricUnits.SECONDS)
                            .build(),
                    tierTag(tier));
            registry.counter(
                    Metadata.builder()
                            .withName(FAILURES)
                            .withDescription("Lint requests no worker answered (too large, timed out, worker broke)")
                            .build(),
                    tierTag(tier));
            registry.counter(
                    Metadata.builder()
                            .withName(SHED)
                            .withDescription("Lint requests turned away as busy (their worker's line was full, or no"
                                    + " worker was free in time); the editor asks again a second later")
                            .build(),
                    tierTag(tier));
            registry.counter(
                    Metadata.builder()
                            .withName(SUPERSEDED)
                            .withDescription("Lint requests replaced by a newer version of the same document while"
                                    + " they waited for a worker")
                            .build(),
                    tierTag(tier));
            registry.gauge(
                    Metadata.builder()
                            .withName(WAITING)
                            .withDescription("Lint requests waiting for a free worker")
                            .build(),
                    linter,
                    found -> found.waiting(tier),
                    tierTag(tier));
        }
    }

    public void answered(Tier tier, Duration took) {
        registry.timer(DURATION, tierTag(tier)).update(took);
    }

    public void historySkipped() {
        registry.counter(HISTORY_SKIPPED).inc();
    }

    public void superseded(Tier tier) {
        registry.counter(SUPERSEDED, tierTag(tier)).inc();
    }

    public void shed(Tier tier) {
        registry.counter(SHED, tierTag(tier)).inc();
    }

    public void failed(Tier tier) {
        registry.counter(FAILURES, tierTag(tier)).inc();
    }

    private static Tag tierTag(Tier tier) {
        return new Tag("tier", tier.name().toLowerCase(Locale.ROOT));
    }
}
