package org.wwan4j.glib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loop thread hands its context over only after completing a future some thread waits on, callers then run
 * the context themselves, and the loop thread always goes back to sleeping in {@code poll()}: an idle loop must
 * cost no CPU. Counted, never timed.
 */
class MainLoopHandOverTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    /** Handed over, the loop thread stays parked until work is queued for it: callers surely find it free. */
    private static final long LONG_HAND_OVER = TimeUnit.SECONDS.toNanos(60);

    private MainLoopThread loop;

    @BeforeEach
    void startLoop() {
        loop = MainLoopThread.start("hand-over-test");
    }

    @AfterEach
    void stopLoop() {
        loop.close();
    }

    @Test
    void completingAnAwaitedFutureHandsOverOnceThenSleepsAgain() throws Exception {
        assertTrue(MainLoopThread.HAND_OVER_NANOS > 0, "handing over is on by default");
        LoopFuture<String> future = new LoopFuture<>();
        Thread joiner = Thread.ofPlatform().start(future::join);
        awaitTrue(() -> future.getNumberOfDependents() > 0); // the joiner is blocked on it
        long before = loop.handOvers();

        loop.execute(() -> future.complete("done"));
        joiner.join(BOUND);

        awaitTrue(() -> loop.handOvers() == before + 1 && loop.inPoll());
        // Work that completes no awaited future wakes the loop without making it hand over.
        assertTrue(loop.sync(BOUND));
        assertTrue(loop.sync(BOUND));
        awaitTrue(loop::inPoll);
        assertEquals(before + 1, loop.handOvers());
    }

    @Test
    void aFutureNobodyWaitsOnDoesNotMakeItHandOver() throws Exception {
        LoopFuture<Integer> future = new LoopFuture<>();
        long before = loop.handOvers();

        loop.execute(() -> future.complete(1));
        assertTrue(loop.sync(BOUND));
        assertTrue(loop.sync(BOUND));

        assertEquals(1, future.join());
        assertEquals(before, loop.handOvers());
    }

    @Test
    void aCallerMakingRequestsInARowRunsThemItselfInOrder() throws Exception {
        useLoopHandingOverFor(LONG_HAND_OVER);
        // After the first joined request the loop thread hands over; the caller's next requests run on the
        // caller's own thread (no thread crossing), and none is lost or reordered on the way.
        int[] last = {-1};
        int ranByCaller = 0;
        for (int i = 0; i < 5_000; i++) {
            int n = i;
            Thread[] ranOn = new Thread[1];
            int seen = loop.submit(() -> {
                ranOn[0] = Thread.currentThread();
                int previous = last[0];
                last[0] = n;
                return previous;
            }).join();
            assertEquals(i - 1, seen);
            if (ranOn[0] == Thread.currentThread()) {
                ranByCaller++;
            }
        }
        assertTrue(loop.handOvers() > 0, "joined requests made the loop thread hand over");
        assertTrue(loop.sessions() > 0 && ranByCaller > 0, "the caller ran the context itself");
    }

    @Test
    void aCallerRunningTheContextIsWokenByACompletionOnAnotherThread() throws Exception {
        useLoopHandingOverFor(LONG_HAND_OVER);
        handOverNow();
        // The caller enters the free context and blocks in poll(); a deadline or a removal completes its future
        // from another thread, which must wake it.
        LoopFuture<String> future = new LoopFuture<>(loop);
        AtomicReference<String> got = new AtomicReference<>();
        long sessions = loop.sessions();
        Thread caller = Thread.ofPlatform().start(() -> got.set(future.join()));
        awaitTrue(() -> loop.sessions() > sessions); // it runs the context
        Thread.ofPlatform().start(() -> future.complete("from elsewhere")).join(BOUND);
        caller.join(BOUND);
        assertFalse(caller.isAlive(), "the caller blocked in the context was not woken");
        assertEquals("from elsewhere", got.get());
    }

    @Test
    void workQueuedWhileACallerHoldsTheContextStillRuns() throws Exception {
        // While a caller iterates the context, tasks from other threads are queued, and the loop thread waits for
        // the context: the caller's iteration must run them, in order.
        useLoopHandingOverFor(LONG_HAND_OVER);
        handOverNow();
        LoopFuture<Void> callerWaits = new LoopFuture<>(loop);
        long sessions = loop.sessions();
        Thread caller = Thread.ofPlatform().start(callerWaits::join);
        awaitTrue(() -> loop.sessions() > sessions);
        int[] seen = {0};
        boolean inOrder = true;
        boolean allOnCaller = true;
        for (int i = 0; i < 200; i++) {
            int n = i;
            Thread[] ranOn = new Thread[1];
            LoopFuture<Integer> done = loop.submit(() -> {
                ranOn[0] = Thread.currentThread();
                int previous = seen[0];
                seen[0] = n + 1;
                return previous;
            });
            inOrder &= done.get(BOUND.toMillis(), TimeUnit.MILLISECONDS) == n;
            allOnCaller &= ranOn[0] == caller;
        }
        assertTrue(inOrder, "queued tasks ran out of order");
        assertTrue(allOnCaller, "the caller owning the context did not run the queued tasks");
        loop.execute(() -> callerWaits.complete(null));
        caller.join(BOUND);
        assertFalse(caller.isAlive());
    }

    @Test
    void virtualThreadsNeverRunTheContext() throws Exception {
        useLoopHandingOverFor(LONG_HAND_OVER);
        handOverNow();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Thread virtual = Thread.ofVirtual().start(() -> {
            try {
                loop.submit(() -> {
                    ranOn.set(Thread.currentThread());
                    return null;
                }).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        virtual.join(BOUND);
        assertFalse(ranOn.get().isVirtual());
    }

    @Test
    void closingRightAfterAnAwaitedRequestLeavesTheContextAliveForCloseItself() throws Exception {
        // A loop that hands over can run close()'s quit task before close() has returned from its wake-up; freeing
        // the context at that point crashed or hung the JVM (heap corruption in g_main_context_invoke_full).
        for (int i = 0; i < 300; i++) {
            MainLoopThread cycle = MainLoopThread.start("close-race");
            int n = i;
            assertEquals(n, cycle.submit(() -> n).get(BOUND.toMillis(), TimeUnit.MILLISECONDS));
            assertEquals(n, cycle.submit(() -> n).join());
            cycle.close();
        }
    }

    private void useLoopHandingOverFor(long nanos) {
        loop.close();
        loop = MainLoopThread.start("hand-over-test", nanos);
    }

    /** Makes the loop thread hand its context over: it completes a future a platform thread is blocked on. */
    private void handOverNow() throws Exception {
        long before = loop.handOvers();
        LoopFuture<String> future = new LoopFuture<>();
        Thread joiner = Thread.ofPlatform().start(future::join);
        awaitTrue(() -> future.getNumberOfDependents() > 0);
        loop.execute(() -> future.complete("done"));
        joiner.join(BOUND);
        awaitTrue(() -> loop.handOvers() > before && loop.handedOver());
    }

    /** Waits (bounded, not timed) until the condition holds; the loop thread's state changes asynchronously. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
        }
        assertTrue(condition.getAsBoolean());
    }
}
