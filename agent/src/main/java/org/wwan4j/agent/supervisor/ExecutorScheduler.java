package org.wwan4j.agent.supervisor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Scheduler}: one daemon platform thread. One per supervisor, so a supervisor busy with a
 * slow modem never delays another modem (the cost is one small thread stack per modem).
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;

    public ExecutorScheduler(String threadName, Clock clock) {
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name(threadName).daemon().stackSize(256 * 1024).factory());
        // Cancelled timers (per-state timeouts, mostly) would otherwise stay queued until their time.
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void execute(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(guarded(task));
        }
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        if (executor.isShutdown()) {
            return () -> { };
        }
        ScheduledFuture<?> future = executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /**
     * Tasks waiting in this scheduler's queue: ready ones not yet run plus pending timers (a handful: state
     * timeout, safety tick...). A read-only gauge for load tests: growing without bound means the thread cannot
     * keep up with what the modem sends.
     */
    public int queuedTasks() {
        return executor.getQueue().size();
    }

    /** A task that throws must not kill the supervisor's only thread. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("supervisor task failed", e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
