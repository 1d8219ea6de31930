package org.wwan4j.bench.memory;

import java.time.Duration;

/** How long a process is left idle before its PSS is read: start-up garbage collected, lazy pages touched. */
public final class SteadyState {

    public static final Duration SETTLE = Duration.ofSeconds(3);

    private SteadyState() {}

    public static void settle() throws InterruptedException {
        Thread.sleep(SETTLE);
    }
}
