package org.wwan4j.mbim;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The requests of one device that have not completed, each with a Java-side deadline. libmbim has its own timeout
 * on every request; the deadline (timeout + grace) only fires if libmbim never calls back, so no caller waits
 * forever. All devices share one daemon timer thread; a completed request's deadline leaves its queue at once.
 */
final class PendingRequests {

    private static final class Timer {
        static final ScheduledThreadPoolExecutor EXECUTOR = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                    task -> Thread.ofPlatform().name("wwan4j-mbim-deadlines").daemon(true).unstarted(task));
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }

    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

    /** Tracks {@code future} until it completes; fails it with {@code expired} once {@code deadline} passes. */
    void track(CompletableFuture<?> future, Duration deadline, Supplier<? extends Throwable> expired) {
        pending.add(future);
        ScheduledFuture<?> timer = schedule(future, deadline, expired);
        future.whenComplete((value, error) -> {
            timer.cancel(false);
            pending.remove(future);
        });
    }

    /** Bounds a future that is not a request (opening): fails it once {@code deadline} passes. */
    static void bound(CompletableFuture<?> future, Duration deadline, Supplier<? extends Throwable> expired) {
        ScheduledFuture<?> timer = schedule(future, deadline, expired);
        future.whenComplete((value, error) -> timer.cancel(false));
    }

    private static ScheduledFuture<?> schedule(CompletableFuture<?> future, Duration deadline,
                                               Supplier<? extends Throwable> expired) {
        return Timer.EXECUTOR.schedule(() -> future.completeExceptionally(expired.get()), deadline.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Fails every pending request (device removed or closed). */
    void failAll(Throwable error) {
        for (CompletableFuture<?> future : pending) {
            future.completeExceptionally(error);
        }
    }

    int size() {
        return pending.size();
    }
}
