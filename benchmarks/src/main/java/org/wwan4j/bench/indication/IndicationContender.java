package org.wwan4j.bench.indication;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A client that listens to NAS signal-info indications. The harness triggers each indication itself (a signal
 * change in the emulator, timed just before it) and asks the contender when its listener saw it.
 */
public interface IndicationContender extends AutoCloseable {

    String name();

    /**
     * Waits for the next indication to reach the listener and returns when it did ({@link System#nanoTime()} clock,
     * CLOCK_MONOTONIC), or -1 on timeout.
     */
    long awaitIndication(Duration timeout) throws Exception;

    /** Drops indications already seen (stray ones from before the trigger). */
    void drain();

    /** Triggers {@code count} indications through {@code trigger} (returns the send time) and returns latencies. */
    default long[] measure(int count, LongSupplier trigger, Duration pause) throws Exception {
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            drain();
            long sent = trigger.getAsLong();
            long seen = awaitIndication(Duration.ofSeconds(5));
            if (seen < 0) {
                throw new IllegalStateException(name() + ": indication " + i + " not seen within 5 s");
            }
            latencies[i] = seen - sent;
            Thread.sleep(pause);
        }
        return latencies;
    }
}
