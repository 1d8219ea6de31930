package org.wwan4j.agent.supervisor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon platform thread that several {@link Scheduler}s share, each a {@link #newScheduler(String) view} with
 * its own timers that closes on its own. The agent and all its supervisors run on one such thread: a supervisor never
 * blocks on its modem (every request is asynchronous and its answer comes back as a task), so a slow modem does not
 * hold the thread, and a thread per modem would only add a stack and the JVM's per-thread memory per modem (about
 * 60 kB of touched stack each, measured: benchmarks/README.md "Footprint levers, seventh round"). What can hang on a
 * wedged device (the driver rebind's sysfs writes) has a thread of its own.
 */
public final class SchedulerThread implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerThread.class);
    /** How long {@link #close()} lets tasks already queued (a supervisor's closing, say) finish. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;

    public SchedulerThread(String threadName, Clock clock) {
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name(threadName).daemon().stackSize(256 * 1024).factory());
        // Cancelled timers (per-state timeouts, mostly) would otherwise stay queued until their time.
        executor.setRemoveOnCancelPolicy(true);
        // Closing runs what is queued to run now (closing tasks), never timers that were still waiting.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * A scheduler on this thread; closing it drops its own queued work and timers, not the thread.
     *
     * @param user who it is for (a modem's name), in the log line of a task that fails: the thread is everyone's
     */
    public View newScheduler(String user) {
        return new View(user);
    }

    /**
     * Tasks waiting on this thread right now: ready ones not yet run plus pending timers (a handful per user). A
     * read-only gauge for load tests: growing without bound means the thread cannot keep up with the modems.
     */
    public int queuedTasks() {
        return executor.getQueue().size();
    }

    /** Lets what is already queued to run now finish (at most {@link #CLOSE_TIMEOUT}), then stops the thread. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One user's share of the thread: tasks run in the order given, one at a time, with everyone else's. */
    public final class View implements Scheduler, AutoCloseable {

        /** Pending timers are a handful per user; past this many, finished ones are looked for. */
        private static final int PRUNE_AT = 32;

        private final Set<ScheduledFuture<?>> timers = ConcurrentHashMap.newKeySet();
        private final String user;
        private volatile boolean closed;

        private View(String user) {
            this.user = user;
        }

        @Override
        public Instant now() {
            return clock.instant();
        }

        @Override
        public void execute(Runnable task) {
            if (!closed && !executor.isShutdown()) {
                executor.execute(() -> runUnlessClosed(task));
            }
        }

        @Override
        public Timer schedule(Duration delay, Runnable task) {
            if (closed || executor.isShutdown()) {
                return () -> { };
            }
            ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
            ScheduledFuture<?> future = executor.schedule(() -> {
                timers.remove(self[0]);
                runUnlessClosed(task);
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
            self[0] = future;
            timers.add(future);
            if (timers.size() > PRUNE_AT) {
                // A timer scheduled from another thread can run before self[0] is set and miss its own removal.
                timers.removeIf(Future::isDone);
            }
            return () -> {
                future.cancel(false);
                timers.remove(future);
            };
        }

        /** Drops this view's queued tasks and timers; the thread and the other views go on. */
        @Override
        public void close() {
            closed = true;
            for (ScheduledFuture<?> timer : timers) {
                timer.cancel(false);
            }
            timers.clear();
        }

        /** A task that throws must not kill the thread every view shares. */
        private void runUnlessClosed(Runnable task) {
            if (closed) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("{}: scheduled task failed", user, e);
            }
        }
    }
}
