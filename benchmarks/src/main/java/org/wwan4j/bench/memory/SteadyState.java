package org.wwan4j.bench.memory;

import java.time.Duration;
import org.wwan4j.agent.daemon.QuietTimeTrimmer;
import org.wwan4j.agent.supervisor.SupervisorSettings;

/** How long a process is left idle before its PSS is read: start-up garbage collected, lazy pages touched. */
public final class SteadyState {

    public static final Duration SETTLE = Duration.ofSeconds(3);
    /**
     * The standalone agent's steady state, as it runs for the rest of its life: its periodic work (counters, the
     * safety tick: {@link SupervisorSettings#cycle()}) has run twice, after the trim that follows the first run
     * ({@link QuietTimeTrimmer}). Read earlier, right after the start-up trim, the agent looks several megabytes
     * smaller than it stays: each run of the periodic work touches again pages of the JVM and its archives that the
     * trim handed back.
     */
    public static final Duration AGENT_SETTLE = SupervisorSettings.DEFAULTS.cycle().multipliedBy(2)
            .plus(QuietTimeTrimmer.QUIET).plus(SETTLE);

    private SteadyState() {}

    public static void settle() throws InterruptedException {
        Thread.sleep(SETTLE);
    }

    /** From the agent's first complete status to its steady state. */
    public static void settleAgent() throws InterruptedException {
        Thread.sleep(AGENT_SETTLE);
    }
}
