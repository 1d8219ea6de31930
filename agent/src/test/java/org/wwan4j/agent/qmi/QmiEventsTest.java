package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.modem.ModemEvent;

/**
 * A QMI modem's events reach its listeners in the order they were posted and one at a time, on an executor with
 * several threads; a listener that throws neither stops the others nor later events.
 */
class QmiEventsTest {

    private static final int EVENTS = 200;

    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void listenersSeeEveryEventInPostOrderNeverTwoAtOnce() throws Exception {
        QmiEvents events = new QmiEvents(pool);
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger delivering = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch all = new CountDownLatch(EVENTS);
        events.add(event -> {
            throw new IllegalStateException("a broken listener");
        });
        events.add(event -> {
            if (delivering.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            seen.add(((ModemEvent.Removed) event).reason());
            delivering.decrementAndGet();
            all.countDown();
        });

        for (int i = 0; i < EVENTS; i++) {
            events.post(new ModemEvent.Removed(Integer.toString(i)));
        }

        assertTrue(all.await(30, TimeUnit.SECONDS), () -> "delivered only " + seen.size());
        assertEquals(IntStream.range(0, EVENTS).mapToObj(Integer::toString).toList(), seen);
        assertFalse(overlapped.get(), "two events were delivered at once");
    }
}
