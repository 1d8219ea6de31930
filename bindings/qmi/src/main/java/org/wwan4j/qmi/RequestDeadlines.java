package org.wwan4j.qmi;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.wwan4j.glib.LoopFuture;

/**
 * The Java-side safety net behind libqmi's own timeouts: every pending request of a device is registered with a
 * deadline (its timeout plus {@link #GRACE}); one daemon thread sweeps them twice a second, forgets finished
 * ones and fails (and cancels) overdue ones. One sweep thread for the process, whatever the request rate, and
 * nothing to cancel per request.
 */
final class RequestDeadlines {

    /** libqmi reports its own timeout first; this is only for when it does not (a stuck loop, a lost callback). */
    static final Duration GRACE = Duration.ofSeconds(5);
    private static final long SWEEP_MILLIS = 500;

    private record Pending(long deadlineNanos, Supplier<RuntimeException> onExpiry) { }

    private static final ScheduledExecutorService SWEEPER = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("wwan4j-qmi-deadlines").daemon(true).unstarted(task));
    private static final Map<RequestDeadlines, Boolean> LIVE = new ConcurrentHashMap<>();

    static {
        SWEEPER.scheduleWithFixedDelay(RequestDeadlines::sweepAll, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private final Map<LoopFuture<?>, Pending> pending = new ConcurrentHashMap<>();

    RequestDeadlines() {
        LIVE.put(this, Boolean.TRUE);
    }

    /** Watches the future until it completes; fails it with the supplied exception after timeout + grace. */
    <T> LoopFuture<T> watch(LoopFuture<T> future, Duration timeout, Supplier<RuntimeException> onExpiry) {
        if (!future.isDone()) {
            pending.put(future, new Pending(System.nanoTime() + timeout.plus(GRACE).toNanos(), onExpiry));
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

    private static void sweepAll() {
        long now = System.nanoTime();
        for (RequestDeadlines d : LIVE.keySet()) {
            try {
                d.sweep(now);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(RequestDeadlines.class).warn("deadline sweep failed", e);
            }
        }
    }
}
