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

/** How long lint answers take per tier, and how often a tier could not answer, for {@code /metrics}. */
@ApplicationScoped
public class LintMetrics {

    static final String DURATION = "pyroom.lint.duration";
    static final String FAILURES = "pyroom.lint.failures";

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
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
        }
    }

    public void answered(Tier tier, Duration took) {
        registry.timer(DURATION, tierTag(tier)).update(took);
    }

    public void failed(Tier tier) {
        registry.counter(FAILURES, tierTag(tier)).inc();
    }

    private static Tag tierTag(Tier tier) {
        return new Tag("tier", tier.name().toLowerCase(Locale.ROOT));
    }
}
