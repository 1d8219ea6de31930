package org.wwan4j.bench;

import java.time.Duration;

/**
 * How much of everything one run does. {@code --quick} keeps the whole run under 3 minutes on a 2-core machine;
 * the full plan takes samples enough for a stable p99.
 */
public record BenchPlan(boolean quick, int inProcessRequests, int inProcessRounds, int inProcessWarmupRequests,
                        int cliRequests, int indications, int snapshotRepeats, Duration idleWindow, int modems) {

    /** 8 modems: the embedded and agent memory figures are for 1 and 8. */
    public static final int MODEMS = 8;

    /** Requests per round of an in-process contender: the total is split over the rounds (see InterleavedRounds). */
    public int inProcessRequestsPerRound() {
        return Math.max(1, inProcessRequests / inProcessRounds);
    }

    public static BenchPlan quickPlan() {
        return new BenchPlan(true, 1_000, 3, 2_000, 20, 50, 1, Duration.ofSeconds(15), MODEMS);
    }

    public static BenchPlan fullPlan() {
        return new BenchPlan(false, 10_000, 5, 20_000, 200, 300, 5, Duration.ofSeconds(60), MODEMS);
    }
}
