package org.wwan4j.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadActivityTest {

    @Test
    void sumsThreadsOfOneNameCountsNewThreadsFromZeroAndSortsBusiestFirst() {
        Map<Long, ThreadActivity.Counters> before = Map.of(
                1L, new ThreadActivity.Counters("main", 100, 10),
                2L, new ThreadActivity.Counters("pool", 5, 3),
                3L, new ThreadActivity.Counters("idle", 7, 2));
        Map<Long, ThreadActivity.Counters> after = Map.of(
                1L, new ThreadActivity.Counters("main", 101, 12),
                2L, new ThreadActivity.Counters("pool", 8, 5),
                4L, new ThreadActivity.Counters("pool", 2, 1),
                3L, new ThreadActivity.Counters("idle", 7, 2));

        List<ThreadActivity.Usage> usage = ThreadActivity.between(before, after);

        assertEquals(List.of(new ThreadActivity.Usage("pool", 5, 3), new ThreadActivity.Usage("main", 1, 2)), usage);
        assertEquals("pool 50 ms/3 wake-ups", ThreadActivity.describe(usage, 1));
    }

    @Test
    void readsVoluntarySwitchesFromStatus() {
        assertEquals(42, ThreadActivity.voluntarySwitches(List.of("Name:\tjava", "voluntary_ctxt_switches:\t42",
                "nonvoluntary_ctxt_switches:\t7")));
    }

    @Test
    void seesTheWakeUpsOfALiveThreadOfThisProcess() throws Exception {
        String name = "thread-activity-test";
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch measured = new CountDownLatch(1);
        CountDownLatch woken = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        Thread sleeper = Thread.ofPlatform().name(name).start(() -> {
            started.countDown();
            try {
                measured.await();
                for (int i = 0; i < 5; i++) {
                    Thread.sleep(1); // each sleep is one voluntary switch
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            woken.countDown();
            try {
                read.await(); // stay alive until the second snapshot saw this thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await();
        long pid = ProcessHandle.current().pid();
        Map<Long, ThreadActivity.Counters> before = ThreadActivity.snapshot(pid);
        measured.countDown();
        woken.await();
        Map<Long, ThreadActivity.Counters> after = ThreadActivity.snapshot(pid);
        read.countDown();
        sleeper.join();

        assertFalse(before.isEmpty());
        List<ThreadActivity.Usage> usage = ThreadActivity.between(before, after);
        // Linux truncates thread names to 15 bytes in /proc.
        ThreadActivity.Usage mine = usage.stream().filter(u -> name.startsWith(u.name())).findFirst().orElseThrow();
        assertTrue(mine.wakeUps() >= 5, mine.toString());
    }
}
