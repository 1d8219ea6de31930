package org.wwan4j.glib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loop lingers only after completing a future some thread waits on, and always goes back to sleeping in
 * {@code poll()}: an idle loop must cost no CPU. Counted, never timed.
 */
class MainLoopLingerTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private MainLoopThread loop;

    @BeforeEach
    void startLoop() {
        loop = MainLoopThread.start("linger-test");
    }

    @AfterEach
    void stopLoop() {
        loop.close();
    }

    @Test
    void completingAnAwaitedFutureLingersOnceThenSleepsAgain() throws Exception {
        assertTrue(MainLoopThread.LINGER_NANOS > 0, "lingering is on by default");
        LoopFuture<String> future = new LoopFuture<>();
        Thread joiner = Thread.ofPlatform().start(future::join);
        awaitTrue(() -> future.getNumberOfDependents() > 0); // the joiner is blocked on it
        long before = loop.lingers();

        loop.execute(() -> future.complete("done"));
        joiner.join(BOUND);

        awaitTrue(() -> loop.lingers() == before + 1 && loop.inPoll());
        // Work that completes no awaited future wakes the loop without making it linger (a linger would be counted
        // before the second task runs).
        assertTrue(loop.sync(BOUND));
        assertTrue(loop.sync(BOUND));
        assertEquals(before + 1, loop.lingers());
    }

    @Test
    void aFutureNobodyWaitsOnDoesNotMakeItLinger() throws Exception {
        LoopFuture<Integer> future = new LoopFuture<>();
        long before = loop.lingers();

        loop.execute(() -> future.complete(1));
        assertTrue(loop.sync(BOUND));
        assertTrue(loop.sync(BOUND));

        assertEquals(1, future.join());
        assertEquals(before, loop.lingers());
    }

    @Test
    void requestsQueuedWhileItLingersAreNeitherLostNorReordered() throws Exception {
        // A caller that finds the loop lingering queues without waking it: every such task must still run, in order.
        int[] last = {-1};
        for (int i = 0; i < 5_000; i++) {
            int n = i;
            int seen = loop.submit(() -> {
                int previous = last[0];
                last[0] = n;
                return previous;
            }).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(i - 1, seen);
        }
        assertTrue(loop.lingers() > 0, "sequential joined requests made the loop linger");
        awaitTrue(loop::inPoll);
    }

    @Test
    void closingRightAfterAnAwaitedRequestLeavesTheContextAliveForCloseItself() throws Exception {
        // A lingering loop runs close()'s quit task before close() has returned from its wake-up; freeing the
        // context at that point crashed or hung the JVM (heap corruption in g_main_context_invoke_full).
        for (int i = 0; i < 300; i++) {
            MainLoopThread cycle = MainLoopThread.start("close-race");
            int n = i;
            assertEquals(n, cycle.submit(() -> n).get(BOUND.toMillis(), TimeUnit.MILLISECONDS));
            cycle.close();
        }
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
