package dev.pyroom.lint.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many lint requests each user may make on this node: {@code pyroom.lint.requests-per-second} on average, with
 * bursts of up to {@code pyroom.lint.burst}, so that one student's script cannot take the lint workers from a class.
 * A token bucket per user: each request takes a token, and tokens come back at the steady rate.
 */
@ApplicationScoped
public class LintAllowance {

    @Inject
    @ConfigProperty(name = "pyroom.lint.requests-per-second", defaultValue = "10")
    double requestsPerSecond;

    @Inject
    @ConfigProperty(name = "pyroom.lint.burst", defaultValue = "10")
    int burst;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @PostConstruct
    void requirePositive() {
        if (requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalStateException("pyroom.lint.requests-per-second and pyroom.lint.burst must be positive");
        }
    }

    /** Takes one request from the user's allowance; false when it is used up for now. */
    boolean take(String user) {
        return buckets.computeIfAbsent(user, name -> new Bucket(burst, System.nanoTime()))
                .take(requestsPerSecond, burst, System.nanoTime());
    }

    private static final class Bucket {

        private double tokens;
        private long filledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.filledAt = now;
        }

        synchronized boolean take(double perSecond, int capacity, long now) {
            tokens = Math.min(capacity, tokens + (now - filledAt) / 1e9 * perSecond);
            filledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
