package org.wwan4j.bench.memory;

import java.time.Duration;
import org.wwan4j.agent.daemon.QuietTimeTrimmer;

/** How long a process is left idle before its PSS is read: start-up garbage collected, lazy pages touched. */
public final class SteadyState {

    public static final Duration SETTLE = Duration.ofSeconds(3);
    /**
     * The standalone agent trims its heap and malloc arenas once it has been quiet for
     * {@link QuietTimeTrimmer#QUIET} after start-up; it is read after that, as it runs for the rest of its life.
     */
    public static final Duration AGENT_SETTLE = QuietTimeTrimmer.QUIET.plus(SETTLE);

    private SteadyState() {}

    public static void settle() throws InterruptedException {
        Thread.sleep(SETTLE);
    }

    /** From the agent's first complete status to its steady state. */
    public static void settleAgent() throws InterruptedException {
        Thread.sleep(AGENT_SETTLE);
    }
}
