package dev.pyroom.lint.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyroom.lint.entity.Tier;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LintBackoffTest {

    private final AtomicLong now = new AtomicLong();

    /** The longest wait the backoff may give: its random choice always takes the top of the range. */
    private final LintBackoff longest = new LintBackoff(now::get, bound -> bound - 1);

    private void after(Duration elapsed) {
        now.addAndGet(elapsed.toNanos());
    }

    private void shedForTwentySeconds(Tier tier) {
        for (int i = 0; i < 20; i++) {
            longest.retryAfterSeconds(tier);
            after(Duration.ofSeconds(1));
        }
    }

    @Test
    void anOccasionalBusyAnswerAsksForOneSecond() {
        assertEquals(1, longest.retryAfterSeconds(Tier.FAST));
        after(Duration.ofSeconds(3));
        assertEquals(1, longest.retryAfterSeconds(Tier.FAST));
    }

    @Test
    void theWaitGrowsWhileTheTierKeepsSheddingUpToEightSeconds() {
        int[] expected = {1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8, 8};
        for (int wait : expected) {
            assertEquals(wait, longest.retryAfterSeconds(Tier.FAST));
            after(Duration.ofMillis(1250));
        }
    }

    @Test
    void aQuietPauseStartsAgainAtOneSecond() {
        shedForTwentySeconds(Tier.FAST);
        assertEquals(8, longest.retryAfterSeconds(Tier.FAST));
        after(Duration.ofSeconds(3));
        assertEquals(1, longest.retryAfterSeconds(Tier.FAST));
    }

    @Test
    void eachTierBacksOffOnItsOwn() {
        shedForTwentySeconds(Tier.DEEP);
        assertEquals(1, longest.retryAfterSeconds(Tier.FAST));
        assertEquals(8, longest.retryAfterSeconds(Tier.DEEP));
    }

    @Test
    void theWaitIsSpreadAtRandomBetweenOneSecondAndTheCeiling() {
        LintBackoff shortest = new LintBackoff(now::get, bound -> 0);
        for (int i = 0; i < 20; i++) {
            longest.retryAfterSeconds(Tier.FAST);
            shortest.retryAfterSeconds(Tier.FAST);
            after(Duration.ofSeconds(1));
        }
        assertEquals(8, longest.retryAfterSeconds(Tier.FAST));
        assertEquals(1, shortest.retryAfterSeconds(Tier.FAST));
    }
}
