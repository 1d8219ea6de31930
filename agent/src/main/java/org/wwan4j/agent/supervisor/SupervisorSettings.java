package org.wwan4j.agent.supervisor;

import java.time.Duration;

/**
 * Periods and limits of a supervisor, defaults from the reference agent where it has one.
 *
 * @param safetyTick         slow reconcile, in case an indication was lost
 * @param countersPeriod     packet statistics refresh
 * @param scanPeriod         visible provider scan, when enabled
 * @param locationInterval   GNSS fix interval (reference: min(app, cloud)/2 = 10 s)
 * @param stuckAfterTimeouts consecutive unanswered requests after which the modem counts as stuck
 */
public record SupervisorSettings(Duration safetyTick, Duration countersPeriod, Duration scanPeriod,
        Duration locationInterval, int stuckAfterTimeouts) {

    public static final Duration DEFAULT_SAFETY_TICK = Duration.ofSeconds(60);
    public static final Duration DEFAULT_COUNTERS_PERIOD = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SCAN_PERIOD = Duration.ofHours(1);
    public static final Duration DEFAULT_LOCATION_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_STUCK_AFTER_TIMEOUTS = 3;

    public static final SupervisorSettings DEFAULTS = new SupervisorSettings(DEFAULT_SAFETY_TICK,
            DEFAULT_COUNTERS_PERIOD, DEFAULT_SCAN_PERIOD, DEFAULT_LOCATION_INTERVAL, DEFAULT_STUCK_AFTER_TIMEOUTS);
}
