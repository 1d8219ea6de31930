package org.wwan4j.agent.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

/**
 * The single thread a supervisor runs on, plus its clock and timers. An interface so that tests drive time by hand
 * and never sleep: every delay a supervisor uses goes through {@link #schedule}.
 */
public interface Scheduler extends Executor {

    /** Wall-clock time, for timestamps in status. */
    Instant now();

    /** Runs the task on the scheduler's thread after the delay; the returned handle cancels it. */
    Timer schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be cancelled. */
    @FunctionalInterface
    interface Timer {
        void cancel();
    }
}
