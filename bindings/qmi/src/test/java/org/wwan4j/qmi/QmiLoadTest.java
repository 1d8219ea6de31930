package org.wwan4j.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.glib.Upcalls;

/**
 * Many requests, one after another and from 8 threads at once: after warm-up, malloc in use, the Java heap after a
 * full collection, threads and upcall handlers stay bounded. Bounds are generous (the JIT and the heap still settle) but far below what a leak
 * of one allocation per request would reach over 100,000 requests.
 */
@Timeout(300)
@Tag("slow")
class QmiLoadTest extends EmulatorFixture {

    private static final int SEQUENTIAL = 100_000;
    private static final int WARM_UP = 5_000;
    private static final int THREADS = 8;
    private static final int PER_THREAD = 2_500;
    /**
     * A leak of ~330 bytes per request over 100k requests would exceed this, in malloc or in the Java heap. Neither
     * figure is the process's resident size, which moves with the heap the JVM sizes for the machine it runs on.
     */
    private static final long GROWTH_BOUND_KB = 32 * 1024;

    /** Java heap in use after a full collection, in kB. */
    static long heapAfterGcKb() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
    }

    /** What malloc has handed out and not had back (libqmi, GLib and the JVM's own), in kB. */
    static long mallocInUseKb() {
        return org.wwan4j.glib.NativeHeap.inUseBytes() / 1024;
    }

    /** Heap after GC and malloc in use, as one reading. */
    record Memory(long heapKb, long mallocKb) {
        static Memory now() {
            return new Memory(heapAfterGcKb(), mallocInUseKb());
        }

        void assertNoGrowthSince(Memory before) {
            assertTrue(heapKb - before.heapKb < GROWTH_BOUND_KB, "heap after GC grew by " + (heapKb - before.heapKb)
                    + " kB");
            assertTrue(before.mallocKb < 0 || mallocKb - before.mallocKb < GROWTH_BOUND_KB, "malloc in use grew by "
                    + (mallocKb - before.mallocKb) + " kB");
        }
    }

    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(1_200); // the callback threads and the Cleaner finish what the last requests and the GC left
    }

    @Test
    void oneHundredThousandSequentialRequestsLeakNothing() throws InterruptedException {
        ClientDms dms = Await.result(device.dms());
        String imei = modem.state().identity().imei();
        for (int i = 0; i < WARM_UP; i++) {
            dms.getIds().join();
        }
        settle();
        Memory before = Memory.now();
        int handlersBefore = Upcalls.registeredHandlers();
        int threadsBefore = Thread.activeCount();
        long start = System.nanoTime();
        for (int i = 0; i < SEQUENTIAL; i++) {
            ClientDms.GetIdsOutput ids = dms.getIds().join();
            if (i % 10_000 == 0) {
                assertEquals(imei, ids.imei());
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        settle();
        Memory after = Memory.now();
        System.out.printf("qmi-load: %d sequential DMS Get IDs in %d ms (%.1f us each); %s -> %s; "
                        + "handlers %d -> %d; threads %d -> %d; pending %d%n", SEQUENTIAL, millis,
                millis * 1000.0 / SEQUENTIAL, before, after, handlersBefore, Upcalls.registeredHandlers(),
                threadsBefore, Thread.activeCount(), device.pendingRequests());
        assertEquals(handlersBefore, Upcalls.registeredHandlers(), "upcall handlers");
        assertTrue(Thread.activeCount() <= threadsBefore + 2, "threads grew");
        after.assertNoGrowthSince(before);
        assertEquals(0, device.pendingRequests());
    }

    @Test
    void eightThreadsAtOnceLeakNothing() throws Exception {
        ClientDms dms = Await.result(device.dms());
        ClientNas nas = Await.result(device.nas());
        runConcurrently(dms, nas, 1_000); // warm-up: JIT, heap and thread stacks settle
        settle();
        Memory before = Memory.now();
        int handlersBefore = Upcalls.registeredHandlers();
        long start = System.nanoTime();
        runConcurrently(dms, nas, PER_THREAD);
        long millis = (System.nanoTime() - start) / 1_000_000;
        settle();
        Memory after = Memory.now();
        System.out.printf("qmi-load: %d threads x %d requests in %d ms; %s -> %s; handlers %d -> %d%n",
                THREADS, PER_THREAD, millis, before, after, handlersBefore, Upcalls.registeredHandlers());
        assertEquals(handlersBefore, Upcalls.registeredHandlers(), "upcall handlers");
        after.assertNoGrowthSince(before);
    }

    private void runConcurrently(ClientDms dms, ClientNas nas, int perThread) throws Exception {
        String imei = modem.state().identity().imei();
        int rssi = modem.state().signal().rssi();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                boolean useNas = t % 2 == 1;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        if (useNas) {
                            assertEquals(rssi, nas.getSignalInfo().join().lteSignalStrength().rssi());
                        } else {
                            assertEquals(imei, dms.getIds().join().imei());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        CompletableFuture.runAsync(() -> { }).join();
    }
}
