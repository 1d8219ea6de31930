package org.wwan4j.agent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.testing.FixedRandom;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(60), 2.0, 0.2, new FixedRandom(0.5));
        assertEquals(Duration.ofSeconds(5), backoff.nextDelay());
        assertEquals(Duration.ofSeconds(10), backoff.nextDelay());
        assertEquals(Duration.ofSeconds(20), backoff.nextDelay());
        assertEquals(Duration.ofSeconds(40), backoff.nextDelay());
        assertEquals(Duration.ofSeconds(60), backoff.nextDelay());
        assertEquals(Duration.ofSeconds(60), backoff.nextDelay());
        assertEquals(6, backoff.failures());
    }

    @Test
    void resetStartsOverFromTheInitialDelay() {
        Backoff backoff = Backoff.withDefaults(new FixedRandom(0.5));
        backoff.nextDelay();
        backoff.nextDelay();
        backoff.reset();
        assertEquals(Backoff.DEFAULT_INITIAL, backoff.nextDelay());
    }

    @Test
    void jitterStaysWithinItsBandAndNeverExceedsTheCap() {
        Backoff low = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(100), 2.0, 0.2, new FixedRandom(0.0));
        Backoff high = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(100), 2.0, 0.2, new FixedRandom(0.999));
        assertEquals(Duration.ofSeconds(8), low.nextDelay());
        assertTrue(high.nextDelay().compareTo(Duration.ofMillis(11_990)) >= 0);
        for (int i = 0; i < 10; i++) {
            high.nextDelay();
        }
        assertEquals(Duration.ofSeconds(100), high.nextDelay());
    }

    @Test
    void manyFailuresNeitherOverflowNorExceedTheCap() {
        Backoff backoff = Backoff.withDefaults(new SplittableRandom(7));
        for (int i = 0; i < 1000; i++) {
            Duration delay = backoff.nextDelay();
            assertTrue(delay.compareTo(Backoff.DEFAULT_CAP) <= 0 && !delay.isNegative(), delay.toString());
        }
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0, new FixedRandom(0.5)));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0, new FixedRandom(0.5)));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, 0, new FixedRandom(0.5)));
    }
}
