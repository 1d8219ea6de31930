package org.wwan4j.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ExecutorSchedulerTest {

    /** A bound for the scheduler thread to get round to a task, not an expected duration. */
    private static final long WAIT_SECONDS = 10;

    @Test
    void aThrowingTaskDoesNotKillTheThreadAndTasksRunInOrderOnOneThread() throws Exception {
        try (ExecutorScheduler scheduler = new ExecutorScheduler("test-scheduler", Clock.systemUTC())) {
            LinkedBlockingQueue<String> ran = new LinkedBlockingQueue<>();
            scheduler.execute(() -> {
                throw new IllegalStateException("boom");
            });
            scheduler.execute(() -> ran.add("a:" + Thread.currentThread().getName()));
            scheduler.execute(() -> ran.add("b:" + Thread.currentThread().getName()));
            assertEquals("a:test-scheduler", ran.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals("b:test-scheduler", ran.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void aCancelledTimerNeverRuns() throws Exception {
        try (ExecutorScheduler scheduler = new ExecutorScheduler("test-scheduler", Clock.systemUTC())) {
            LinkedBlockingQueue<String> ran = new LinkedBlockingQueue<>();
            Scheduler.Timer timer = scheduler.schedule(Duration.ofMillis(200), () -> ran.add("cancelled"));
            timer.cancel();
            CountDownLatch later = new CountDownLatch(1);
            scheduler.schedule(Duration.ofMillis(400), later::countDown);
            assertTrue(later.await(WAIT_SECONDS, TimeUnit.SECONDS));
            assertNull(ran.poll());
        }
    }
}
