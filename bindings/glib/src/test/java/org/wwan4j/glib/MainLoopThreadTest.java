package org.wwan4j.glib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainLoopThreadTest {

    private MainLoopThread loop;

    @BeforeEach
    void startLoop() {
        loop = MainLoopThread.start("test-loop");
    }

    @AfterEach
    void stopLoop() {
        loop.close();
    }

    @Test
    void tasksFromOtherThreadsRunOnTheLoopThreadInOrder() throws Exception {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 1000; i++) {
            int n = i;
            loop.execute(() -> {
                order.add(n);
                threads.add(Thread.currentThread());
            });
        }
        assertTrue(loop.sync(Duration.ofSeconds(10)));
        assertEquals(1000, order.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, order.get(i));
        }
        Thread loopThread = threads.get(0);
        assertEquals("test-loop", loopThread.getName());
        assertTrue(threads.stream().allMatch(t -> t == loopThread));
    }

    @Test
    void submitReturnsTheResultButContinuationsNeverRunOnTheLoopThread() throws Exception {
        Thread[] seen = new Thread[2];
        LoopFuture<String> future = loop.submit(() -> {
            seen[0] = Thread.currentThread();
            return "done";
        });
        String value = future.thenApply(v -> {
            seen[1] = Thread.currentThread();
            return v;
        }).get(10, TimeUnit.SECONDS);
        assertEquals("done", value);
        assertTrue(loop.sync(Duration.ofSeconds(10)));
        assertEquals("test-loop", seen[0].getName());
        assertNotSame(seen[0], seen[1], "a continuation ran on the loop thread");
    }

    @Test
    void aFailingTaskDoesNotStopTheLoop() throws Exception {
        loop.execute(() -> {
            throw new IllegalStateException("boom");
        });
        assertEquals(42, loop.submit(() -> 42).get(10, TimeUnit.SECONDS));
    }

    @Test
    void executeOnTheLoopThreadRunsAtOnce() throws Exception {
        boolean ranInline = loop.submit(() -> {
            boolean[] ran = {false};
            loop.execute(() -> ran[0] = true);
            return ran[0];
        }).get(10, TimeUnit.SECONDS);
        assertTrue(ranInline);
    }

    @Test
    void closeIsIdempotentAndLaterTasksAreRejected() {
        loop.close();
        loop.close();
        assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> {}));
    }

    @Test
    void manyTasksDoNotGrowThreadsOrRegisteredHandlers() throws Exception {
        int handlersBefore = Upcalls.registeredHandlers();
        for (int i = 0; i < 20_000; i++) {
            loop.execute(() -> {});
        }
        assertTrue(loop.sync(Duration.ofSeconds(30)));
        int threadsBefore = Thread.activeCount();
        for (int i = 0; i < 100_000; i++) {
            loop.execute(() -> {});
        }
        assertTrue(loop.sync(Duration.ofSeconds(30)));
        assertTrue(Thread.activeCount() <= threadsBefore + 1, "threads grew");
        assertEquals(handlersBefore, Upcalls.registeredHandlers());
    }

    @Test
    void theSharedLoopIsOneThread() {
        assertSame(MainLoopThread.shared(), MainLoopThread.shared());
    }
}
