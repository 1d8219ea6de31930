package org.wwan4j.glib;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java-side deadlines of QMI and MBIM requests, one mechanism for both. libqmi and libmbim time out their own
 * requests; this is the net behind them (a lost callback, a stuck loop) and the bound of work that is not a single
 * library call (opening a device, a chain of requests).
 *
 * <p>Each device owns one instance and registers its pending futures with their deadline; one daemon thread for the
 * whole process sweeps every registered future every {@value #SWEEP_MILLIS} ms, and only while some future is
 * pending, so a process that only listens for indications is never woken. An overdue future fails with the
 * exception its owner supplied (the protocol's TIMEOUT core error) and its native operation is cancelled. A
 * request that completes leaves the registry at once, on the thread that completed it: nothing is scheduled or
 * cancelled per request and no thread hop is added to the request path.
 */
public final class RequestDeadlines {

    /**
     * Added to a request's library timeout for its Java-side deadline: libqmi and libmbim report their own timeout
     * first, so the Java deadline only fires when they do not.
     */
    public static final Duration GRACE = Duration.ofSeconds(5);
    static final long SWEEP_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadlines.class);

    private record Pending(RequestDeadlines owner, long deadlineNanos, Supplier<? extends Throwable> onExpiry) {
    }

    /** Every pending future of every owner: one map, so owners need no lifecycle of their own. */
    private static final Map<CompletableFuture<?>, Pending> PENDING = new ConcurrentHashMap<>();
    /** Whether a sweep is scheduled; set by whoever schedules it, cleared by the sweep before it looks. */
    private static final AtomicBoolean SWEEP_SCHEDULED = new AtomicBoolean();
    /** The owner of bounds that belong to no device (opening one, a chain of requests). */
    private static final RequestDeadlines UNOWNED = new RequestDeadlines();

    private static final class Sweeper {
        static final ScheduledThreadPoolExecutor EXECUTOR = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                    task -> Thread.ofPlatform().name("wwan4j-deadlines").daemon(true).unstarted(task));
            // No thread at all while nothing is pending for a while.
            executor.setKeepAliveTime(30, TimeUnit.SECONDS);
            executor.allowCoreThreadTimeOut(true);
            return executor;
        }
    }

    /**
     * Watches {@code future} until it completes; once {@code bound} has passed, fails it with what {@code onExpiry}
     * supplies and, for a {@link LoopFuture}, cancels its native operation. Returns the future.
     */
    public <F extends CompletableFuture<?>> F watch(F future, Duration bound, Supplier<? extends Throwable> onExpiry) {
        if (future.isDone()) {
            return future;
        }
        if (future instanceof LoopFuture<?> loopFuture) {
            loopFuture.markWatched(); // before the put: a completion from now on takes it out again
        }
        PENDING.put(future, new Pending(this, System.nanoTime() + bound.toNanos(), onExpiry));
        if (future.isDone()) {
            PENDING.remove(future); // completed meanwhile, perhaps before it was marked
            return future;
        }
        scheduleSweep();
        return future;
    }

    /** Bounds a future that belongs to no device (opening one, a chain of requests); see {@link #watch}. */
    public static <F extends CompletableFuture<?>> F bound(F future, Duration bound,
                                                           Supplier<? extends Throwable> onExpiry) {
        return UNOWNED.watch(future, bound, onExpiry);
    }

    /** A library timeout argument: libqmi and libmbim take whole seconds, so rounded up, and at least one. */
    public static int timeoutSeconds(Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }

    /** Fails every pending future of this owner with the exception (its device was removed or closed). */
    public void failAll(Supplier<? extends Throwable> cause) {
        for (Iterator<Map.Entry<CompletableFuture<?>, Pending>> it = PENDING.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<CompletableFuture<?>, Pending> entry = it.next();
            if (entry.getValue().owner() == this) {
                it.remove();
                fail(entry.getKey(), cause.get());
            }
        }
    }

    /** This owner's futures not completed yet. */
    public int pendingCount() {
        int count = 0;
        for (Map.Entry<CompletableFuture<?>, Pending> entry : PENDING.entrySet()) {
            if (entry.getValue().owner() == this && !entry.getKey().isDone()) {
                count++;
            }
        }
        return count;
    }

    /** Whether a sweep is scheduled: false once nothing is pending (tests prove an idle process is not woken). */
    public static boolean sweepScheduled() {
        return SWEEP_SCHEDULED.get();
    }

    /** A watched {@link LoopFuture} completed: it needs no deadline any more. */
    static void forget(LoopFuture<?> future) {
        PENDING.remove(future);
    }

    /**
     * Fails the future. A LoopFuture runs its dependents on the callback threads by itself; any other future is
     * failed from there, so no caller's stage ever runs on the sweeper thread and holds up other deadlines.
     */
    private static void fail(CompletableFuture<?> future, Throwable cause) {
        if (future instanceof LoopFuture<?> loopFuture) {
            loopFuture.failAndCancel(cause);
        } else {
            LoopFuture.callbacks().execute(() -> future.completeExceptionally(cause));
        }
    }

    /** The owner's exception for an overdue future; a supplier that fails still fails the future. */
    private static Throwable expiry(Pending pending) {
        try {
            return pending.onExpiry().get();
        } catch (RuntimeException e) {
            LOG.warn("building the deadline exception failed", e);
            return e;
        }
    }

    private static void scheduleSweep() {
        if (SWEEP_SCHEDULED.compareAndSet(false, true)) {
            Sweeper.EXECUTOR.schedule(RequestDeadlines::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private static void sweep() {
        // Cleared before looking: a future registered from here on either is seen below or schedules a sweep.
        SWEEP_SCHEDULED.set(false);
        long now = System.nanoTime();
        for (Iterator<Map.Entry<CompletableFuture<?>, Pending>> it = PENDING.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<CompletableFuture<?>, Pending> entry = it.next();
            CompletableFuture<?> future = entry.getKey();
            if (future.isDone()) {
                it.remove(); // not a LoopFuture, or completed while being registered
            } else if (now - entry.getValue().deadlineNanos() > 0) {
                it.remove();
                fail(future, expiry(entry.getValue()));
            }
        }
        if (!PENDING.isEmpty()) {
            scheduleSweep();
        }
    }
}
