package org.wwan4j.glib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One subscription's listener runs one value at a time, in submission order, on a pool with several threads. */
class SerialExecutorTest {

    private static final int TASKS = 200;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunInOrderAndNeverTwoAtOnceWhileTheFirstIsHeld() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(pool);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(TASKS);
        List<Integer> order = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        for (int i = 0; i < TASKS; i++) {
            int n = i;
            serial.execute(() -> {
                overlapped.compareAndSet(false, running.incrementAndGet() > 1);
                try {
                    if (n == 0) {
                        await(release); // the pool's other thread is free meanwhile: nothing may use it to overtake
                    }
                    synchronized (order) {
                        order.add(n);
                    }
                } finally {
                    running.decrementAndGet();
                    done.countDown();
                }
            });
        }
        release.countDown();
        assertTrue(done.await(30, TimeUnit.SECONDS));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            expected.add(i);
        }
        synchronized (order) {
            assertEquals(expected, order);
        }
        assertFalse(overlapped.get());
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(pool);
        CountDownLatch after = new CountDownLatch(1);
        serial.execute(() -> {
            throw new IllegalStateException("a listener bug");
        });
        serial.execute(after::countDown);
        assertTrue(after.await(30, TimeUnit.SECONDS));
    }

    @Test
    void twoSerialExecutorsOnOnePoolDoNotWaitForEachOther() throws InterruptedException {
        SerialExecutor held = new SerialExecutor(pool);
        SerialExecutor other = new SerialExecutor(pool);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        held.execute(() -> await(release));
        other.execute(otherRan::countDown);
        try {
            assertTrue(otherRan.await(30, TimeUnit.SECONDS), "one slow subscription holds up no other");
        } finally {
            release.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
