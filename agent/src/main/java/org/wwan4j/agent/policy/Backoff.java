package org.wwan4j.agent.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Delay before the next attempt after consecutive failures: exponential, capped, with jitter. The reference agent
 * retries on a fixed 60 s tick, which hammers a network that refuses us and is slow to retry a blip; this grows
 * from a short first delay, and the jitter keeps a fleet of devices that lost the network together from retrying
 * in lockstep.
 *
 * <p>Not thread-safe: owned by one supervisor.
 */
public final class Backoff {

    public static final Duration DEFAULT_INITIAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CAP = Duration.ofMinutes(10);
    public static final double DEFAULT_FACTOR = 2.0;
    /** Each delay is scaled by a random factor in [1 - JITTER, 1 + JITTER]. */
    public static final double DEFAULT_JITTER = 0.2;

    private final Duration initial;
    private final Duration cap;
    private final double factor;
    private final double jitter;
    private final RandomGenerator random;
    private int failures;

    public Backoff(Duration initial, Duration cap, double factor, double jitter, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= cap: " + initial + ", " + cap);
        }
        if (factor < 1.0 || jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException("need factor >= 1 and 0 <= jitter < 1: " + factor + ", " + jitter);
        }
        this.initial = initial;
        this.cap = cap;
        this.factor = factor;
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random, "random");
    }

    public static Backoff withDefaults(RandomGenerator random) {
        return new Backoff(DEFAULT_INITIAL, DEFAULT_CAP, DEFAULT_FACTOR, DEFAULT_JITTER, random);
    }

    /** Records one more failure and returns how long to wait before the next attempt (never above the cap). */
    public Duration nextDelay() {
        double base = initial.toMillis() * Math.pow(factor, Math.min(failures, 62));
        failures++;
        double capped = Math.min(base, cap.toMillis());
        double scale = 1.0 + jitter * (2.0 * random.nextDouble() - 1.0);
        long millis = (long) Math.min(capped * scale, cap.toMillis());
        return Duration.ofMillis(Math.max(1, millis));
    }

    /** A success: the next failure starts again from the initial delay. */
    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
