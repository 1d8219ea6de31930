package org.wwan4j.agent.testing;

import java.util.random.RandomGenerator;

/** A "random" source that always gives the same double, so jitter is known in tests (0.5 = no jitter). */
public record FixedRandom(double value) implements RandomGenerator {

    @Override
    public long nextLong() {
        return (long) (value * Long.MAX_VALUE);
    }

    @Override
    public double nextDouble() {
        return value;
    }
}
