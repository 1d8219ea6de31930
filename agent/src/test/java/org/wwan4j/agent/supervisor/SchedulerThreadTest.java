package org.wwan4j.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SchedulerThreadTest {

    /** A bound for the thread to get round to a task, not an expected duration. */
    private static final long WAIT_SECONDS = 10;
    /** Far beyond any test's life: a timer that must never fire while the test runs. */
    private static final Duration NEVER = Duration.ofHours(1);

    @Test
    void viewsShareOneThreadAndTheirTasksRunInTheOrderGiven() throws Exception {
        try (SchedulerThread thread = new SchedulerThread("test-shared", Clock.systemUTC())) {
            Scheduler modem1 = thread.newScheduler("test");
            Scheduler modem2 = thread.newScheduler("test");
            LinkedBlockingQueue<String> ran = new LinkedBlockingQueue<>();
            modem1.execute(() -> ran.add("1a:" + Thread.currentThread().getName()));
            modem2.execute(() -> {
                throw new IllegalStateException("boom"); // must not cost the other view its thread
            });
            modem2.execute(() -> ran.add("2a:" + Thread.currentThread().getName()));
            modem1.execute(() -> ran.add("1b:" + Thread.currentThread().getName()));
            assertEquals("1a:test-shared", ran.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals("2a:test-shared", ran.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals("1b:test-shared", ran.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingOneViewDropsItsWorkAndTimersButNotTheOthers() throws Exception {
        try (SchedulerThread thread = new SchedulerThread("test-shared", Clock.systemUTC())) {
            SchedulerThread.View removed = thread.newScheduler("test");
            Scheduler kept = thread.newScheduler("test");
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch holding = new CountDownLatch(1);
            kept.execute(() -> { // holds the thread (out of the queue) while the other view is closed
                holding.countDown();
                await(release);
            });
            assertTrue(holding.await(WAIT_SECONDS, TimeUnit.SECONDS));
            AtomicBoolean removedRan = new AtomicBoolean();
            removed.execute(() -> removedRan.set(true));
            removed.schedule(Duration.ZERO, () -> removedRan.set(true));
            removed.schedule(NEVER, () -> removedRan.set(true));
            assertEquals(3, thread.queuedTasks());
            removed.close();
            assertEquals(1, thread.queuedTasks(), "its timers leave the queue; its task stays, to run as nothing");
            removed.execute(() -> removedRan.set(true)); // after close: dropped at once
            CountDownLatch keptRan = new CountDownLatch(2);
            kept.execute(keptRan::countDown);
            kept.schedule(Duration.ZERO, keptRan::countDown);
            release.countDown();
            assertTrue(keptRan.await(WAIT_SECONDS, TimeUnit.SECONDS));
            assertFalse(removedRan.get());
            assertEquals(0, thread.queuedTasks());
        }
    }

    @Test
    void aCancelledTimerNeverRunsAndLeavesTheQueue() throws Exception {
        try (SchedulerThread thread = new SchedulerThread("test-shared", Clock.systemUTC())) {
            Scheduler scheduler = thread.newScheduler("test");
            LinkedBlockingQueue<String> ran = new LinkedBlockingQueue<>();
            Scheduler.Timer timer = scheduler.schedule(NEVER, () -> ran.add("cancelled"));
            assertEquals(1, thread.queuedTasks());
            timer.cancel();
            assertEquals(0, thread.queuedTasks());
            CountDownLatch later = new CountDownLatch(1);
            scheduler.schedule(Duration.ofMillis(50), later::countDown);
            assertTrue(later.await(WAIT_SECONDS, TimeUnit.SECONDS));
            assertNull(ran.poll());
        }
    }

    @Test
    void closingTheThreadRunsWhatIsQueuedButNoWaitingTimer() throws Exception {
        SchedulerThread thread = new SchedulerThread("test-shared", Clock.systemUTC());
        Scheduler scheduler = thread.newScheduler("test");
        CountDownLatch release = new CountDownLatch(1);
        LinkedBlockingQueue<String> ran = new LinkedBlockingQueue<>();
        scheduler.execute(() -> await(release));
        scheduler.execute(() -> ran.add("closing task")); // a supervisor's closing, queued before the thread closes
        scheduler.schedule(NEVER, () -> ran.add("timer"));
        Thread closer = Thread.ofPlatform().start(thread::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (closer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1); // until close() waits for the queue: shut down while the closing task is queued
        }
        release.countDown();
        closer.join();
        assertEquals("closing task", ran.poll());
        assertNull(ran.poll());
        scheduler.execute(() -> ran.add("after close")); // dropped, not an exception
        scheduler.schedule(Duration.ZERO, () -> ran.add("after close")).cancel();
        assertNull(ran.poll());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
