package dev.pyroom.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * A node whose long-lived heap is still nearly full right after a collection is thrashing: better restarted than left
 * answering slowly. Usage measured after collection, so ordinary garbage does not count.
 */
@Liveness
@ApplicationScoped
public class HeapLiveness implements HealthCheck {

    private static final double MAX_USED_AFTER_COLLECTION = 0.95;

    @Override
    public HealthCheckResponse call() {
        double worst = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
                .map(MemoryPoolMXBean::getCollectionUsage)
                .filter(usage -> usage != null && usage.getMax() > 0)
                .mapToDouble(HeapLiveness::usedFraction)
                .max()
                .orElse(0);
        return HealthCheckResponse.named("heap")
                .status(worst < MAX_USED_AFTER_COLLECTION)
                .withData("usedAfterCollectionPercent", Math.round(worst * 100))
                .build();
    }

    private static double usedFraction(MemoryUsage usage) {
        return (double) usage.getUsed() / usage.getMax();
    }
}
