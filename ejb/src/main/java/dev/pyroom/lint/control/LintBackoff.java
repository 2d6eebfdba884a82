package dev.pyroom.lint.control;

import dev.pyroom.lint.entity.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

/**
 * How many seconds the editor of a lint request turned away as busy waits before it asks again ({@code Retry-After}).
 * A second while a tier sheds now and then; while it keeps shedding, a random wait up to a ceiling that doubles every
 * {@link #DOUBLING} up to {@link #MAX_SECONDS}, so that a class's retries spread out instead of coming back together
 * every second and keeping the node overloaded. A tier that sheds nothing for {@link #QUIET} starts again at a second.
 */
@ApplicationScoped
public class LintBackoff {

    static final Duration QUIET = Duration.ofSeconds(2);
    static final Duration DOUBLING = Duration.ofSeconds(5);
    static final int MAX_DOUBLINGS = 3;
    static final int MAX_SECONDS = 1 << MAX_DOUBLINGS;

    private final LongSupplier nanoTime;
    private final IntUnaryOperator randomBelow;
    private final Map<Tier, Shedding> shedding = new EnumMap<>(Tier.class);

    public LintBackoff() {
        this(System::nanoTime, bound -> ThreadLocalRandom.current().nextInt(bound));
    }

    LintBackoff(LongSupplier nanoTime, IntUnaryOperator randomBelow) {
        this.nanoTime = nanoTime;
        this.randomBelow = randomBelow;
        for (Tier tier : Tier.values()) {
            shedding.put(tier, new Shedding());
        }
    }

    /** The wait for one request of {@code tier} turned away now. */
    public int retryAfterSeconds(Tier tier) {
        return 1 + randomBelow.applyAsInt(shedding.get(tier).ceilingAfterOneMore(nanoTime.getAsLong()));
    }

    /** Since when a tier sheds without a quiet pause. */
    private static final class Shedding {
        private boolean ever;
        private long since;
        private long last;

        synchronized int ceilingAfterOneMore(long now) {
            if (!ever || now - last > QUIET.toNanos()) {
                since = now;
                ever = true;
            }
            last = now;
            return 1 << Math.min((now - since) / DOUBLING.toNanos(), MAX_DOUBLINGS);
        }
    }
}
