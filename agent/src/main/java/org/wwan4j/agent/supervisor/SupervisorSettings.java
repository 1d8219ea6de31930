package org.wwan4j.agent.supervisor;

import java.time.Duration;
import java.util.Objects;

/**
 * Periods and limits of a supervisor, defaults from the reference agent where it has one.
 *
 * @param safetyTick         slow reconcile, in case an indication was lost
 * @param countersPeriod     packet statistics refresh (also how often a connected modem proves it still answers)
 * @param scanPeriod         visible provider scan, when enabled
 * @param locationInterval   GNSS fix interval (reference: min(app, cloud)/2 = 10 s)
 * @param stuckAfterTimeouts unanswered requests in a row after which the control plane counts as stuck and the
 *                           recovery ladder starts (1: the first; its first step, a reopen, is cheap)
 * @param recovery           bounds of the recovery ladder's steps
 */
public record SupervisorSettings(Duration safetyTick, Duration countersPeriod, Duration scanPeriod,
        Duration locationInterval, int stuckAfterTimeouts, RecoveryBounds recovery) {

    public static final Duration DEFAULT_SAFETY_TICK = Duration.ofSeconds(60);
    public static final Duration DEFAULT_COUNTERS_PERIOD = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SCAN_PERIOD = Duration.ofHours(1);
    public static final Duration DEFAULT_LOCATION_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_STUCK_AFTER_TIMEOUTS = 1;

    public static final SupervisorSettings DEFAULTS = new SupervisorSettings(DEFAULT_SAFETY_TICK,
            DEFAULT_COUNTERS_PERIOD, DEFAULT_SCAN_PERIOD, DEFAULT_LOCATION_INTERVAL, DEFAULT_STUCK_AFTER_TIMEOUTS);

    public SupervisorSettings {
        Objects.requireNonNull(recovery, "recovery");
        if (stuckAfterTimeouts < 1) {
            throw new IllegalArgumentException("stuckAfterTimeouts must be at least 1: " + stuckAfterTimeouts);
        }
    }

    /**
     * The longest period of the work every supervisor repeats (the safety tick, the counters refresh; the provider
     * scan and GNSS only run when configured): by then each of them has run once.
     */
    public Duration cycle() {
        return safetyTick.compareTo(countersPeriod) >= 0 ? safetyTick : countersPeriod;
    }

    /** Settings with the default recovery bounds. */
    public SupervisorSettings(Duration safetyTick, Duration countersPeriod, Duration scanPeriod,
            Duration locationInterval, int stuckAfterTimeouts) {
        this(safetyTick, countersPeriod, scanPeriod, locationInterval, stuckAfterTimeouts, RecoveryBounds.DEFAULTS);
    }

    public SupervisorSettings withRecovery(RecoveryBounds bounds) {
        return new SupervisorSettings(safetyTick, countersPeriod, scanPeriod, locationInterval, stuckAfterTimeouts,
                bounds);
    }
}
