package org.wwan4j.glib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The one Java-side deadline mechanism of QMI and MBIM requests. */
class RequestDeadlinesTest {

    private static final Duration LONG = Duration.ofMinutes(10);

    /** Stands for a protocol's TIMEOUT core error. */
    private static final class Overdue extends RuntimeException {
        Overdue() {
            super("no answer in time");
        }
    }

    @Test
    void anOverdueRequestFailsWithItsOwnersExceptionAndIsCancelled() throws Exception {
        LoopFuture<String> request = new LoopFuture<>();
        CountDownLatchRunnable cancelled = new CountDownLatchRunnable();
        request.onCancel(cancelled);
        new RequestDeadlines().watch(request, Duration.ZERO, Overdue::new);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> request.get(30, TimeUnit.SECONDS));
        assertInstanceOf(Overdue.class, failure.getCause());
        assertTrue(cancelled.await(), "the native operation is cancelled too");
    }

    @Test
    void aCompletedRequestLeavesTheRegistryAtOnceAndTheSweepStops() {
        RequestDeadlines deadlines = new RequestDeadlines();
        LoopFuture<String> request = deadlines.watch(new LoopFuture<>(), LONG, Overdue::new);
        assertEquals(1, deadlines.pendingCount());
        assertTrue(RequestDeadlines.sweepScheduled(), "a pending request keeps the sweep scheduled");
        request.complete("answer");
        assertEquals(0, deadlines.pendingCount());
        until("the sweep to stop once nothing is pending", () -> !RequestDeadlines.sweepScheduled());
    }

    @Test
    void failAllReachesOnlyTheOwnersRequests() {
        RequestDeadlines removed = new RequestDeadlines();
        RequestDeadlines other = new RequestDeadlines();
        LoopFuture<String> mine = removed.watch(new LoopFuture<>(), LONG, Overdue::new);
        LoopFuture<String> theirs = other.watch(new LoopFuture<>(), LONG, Overdue::new);
        removed.failAll(() -> new ClosedException("device removed"));
        assertInstanceOf(ClosedException.class, assertThrows(ExecutionException.class, mine::get).getCause());
        assertFalse(theirs.isDone());
        assertEquals(1, other.pendingCount());
        theirs.cancel(false);
        assertEquals(0, other.pendingCount());
    }

    @Test
    void aChainThatIsNoLoopFutureIsBoundedToo() {
        CompletableFuture<String> chain = new CompletableFuture<>();
        assertSame(chain, RequestDeadlines.bound(chain, Duration.ZERO, Overdue::new));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> chain.get(30, TimeUnit.SECONDS));
        assertInstanceOf(Overdue.class, failure.getCause());
    }

    @Test
    void libraryTimeoutsAreWholeSecondsRoundedUp() {
        assertEquals(1, RequestDeadlines.timeoutSeconds(Duration.ZERO));
        assertEquals(1, RequestDeadlines.timeoutSeconds(Duration.ofMillis(200)));
        assertEquals(10, RequestDeadlines.timeoutSeconds(Duration.ofSeconds(10)));
        assertEquals(11, RequestDeadlines.timeoutSeconds(Duration.ofMillis(10_001)));
    }

    private static void until(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out waiting for " + what);
            try {
                Thread.sleep(20); // polling a condition another thread changes; no latch exists for it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A cancel action a test can wait for. */
    private static final class CountDownLatchRunnable implements Runnable {
        private final java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);

        @Override
        public void run() {
            latch.countDown();
        }

        boolean await() throws InterruptedException {
            return latch.await(30, TimeUnit.SECONDS);
        }
    }
}
