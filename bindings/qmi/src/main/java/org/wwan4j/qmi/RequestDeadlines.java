package org.wwan4j.qmi;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.wwan4j.glib.LoopFuture;

/**
 * The Java-side safety net behind libqmi's own timeouts: every pending request of a device is registered with a
 * deadline (its timeout plus {@link #GRACE}); one daemon thread sweeps them twice a second, forgets finished
 * ones and fails (and cancels) overdue ones. One sweep thread for the process, whatever the request rate, and
 * nothing to cancel per request. The sweep only runs while some request is pending: an idle process (a modem
 * that is only listening for indications) is not woken twice a second for nothing.
 */
final class RequestDeadlines {

    /** libqmi reports its own timeout first; this is only for when it does not (a stuck loop, a lost callback). */
    static final Duration GRACE = Duration.ofSeconds(5);
    private static final long SWEEP_MILLIS = 500;

    private record Pending(long deadlineNanos, Supplier<RuntimeException> onExpiry) { }

    private static final ScheduledExecutorService SWEEPER = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("wwan4j-qmi-deadlines").daemon(true).unstarted(task));
    private static final Map<RequestDeadlines, Boolean> LIVE = new ConcurrentHashMap<>();
    /** Whether a sweep is scheduled; set by whoever schedules it, cleared by the sweep before it looks. */
    private static final AtomicBoolean SWEEP_SCHEDULED = new AtomicBoolean();

    private final Map<LoopFuture<?>, Pending> pending = new ConcurrentHashMap<>();

    RequestDeadlines() {
        LIVE.put(this, Boolean.TRUE);
    }

    /** Watches the future until it completes; fails it with the supplied exception after timeout + grace. */
    <T> LoopFuture<T> watch(LoopFuture<T> future, Duration timeout, Supplier<RuntimeException> onExpiry) {
        if (!future.isDone()) {
            pending.put(future, new Pending(System.nanoTime() + timeout.plus(GRACE).toNanos(), onExpiry));
            scheduleSweep();
        }
        return future;
    }

    /** Fails every pending request with the exception (device removed or closed). */
    void failAll(Supplier<RuntimeException> cause) {
        for (LoopFuture<?> future : pending.keySet()) {
            future.failAndCancel(cause.get());
        }
        pending.clear();
    }

    int pendingCount() {
        pending.keySet().removeIf(LoopFuture::isDone);
        return pending.size();
    }

    void stop() {
        LIVE.remove(this);
    }

    private void sweep(long now) {
        pending.forEach((future, p) -> {
            if (future.isDone()) {
                pending.remove(future);
            } else if (now - p.deadlineNanos() > 0) {
                pending.remove(future);
                future.failAndCancel(p.onExpiry().get());
            }
        });
    }

    private static void scheduleSweep() {
        if (SWEEP_SCHEDULED.compareAndSet(false, true)) {
            SWEEPER.schedule(RequestDeadlines::sweepAll, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether a sweep is scheduled (for tests: none while nothing is pending). */
    static boolean sweepScheduled() {
        return SWEEP_SCHEDULED.get();
    }

    private static void sweepAll() {
        // Cleared before looking: a request registered from here on either is seen below or schedules a sweep.
        SWEEP_SCHEDULED.set(false);
        long now = System.nanoTime();
        boolean anyPending = false;
        for (RequestDeadlines d : LIVE.keySet()) {
            try {
                d.sweep(now);
                anyPending |= !d.pending.isEmpty();
            } catch (RuntimeException e) {
                anyPending = true;
                org.slf4j.LoggerFactory.getLogger(RequestDeadlines.class).warn("deadline sweep failed", e);
            }
        }
        if (anyPending) {
            scheduleSweep();
        }
    }
}
