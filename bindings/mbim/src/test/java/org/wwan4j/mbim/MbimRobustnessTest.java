package org.wwan4j.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.mbim.EmulatedMbim.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.model.EmulatedProvider;
import org.wwan4j.emulator.model.EmulatedProviderStatus;
import org.wwan4j.emulator.model.EmulatedRat;
import org.wwan4j.glib.Upcalls;

/** Long runs, concurrency, hangs, removal and wire quirks: nothing leaks, nothing waits forever. */
@Tag("slow")
class MbimRobustnessTest {

    private static final int WARM_UP = 4000;
    private static final int SEQUENTIAL = 15000;
    private static final int THREADS = 8;
    private static final int PER_THREAD = 1500;
    /** Generous for the JIT's arenas; a leak of even 1 KB per request would be 27 MB here, in malloc or the heap. */
    private static final long GROWTH_BOUND_KB = 24 * 1024;

    @Test
    void longSequentialAndConcurrentRunsDoNotGrowMemoryThreadsOrHandlers() throws Exception {
        try (EmulatedMbim mbim = EmulatedMbim.start()) {
            // Warm-up runs the same mix, so the JIT, the callback threads and malloc's per-thread arenas settle.
            run(mbim, WARM_UP, WARM_UP / THREADS);
            awaitQuiet(mbim.device);
            ResourceUsage before = ResourceUsage.now();

            run(mbim, SEQUENTIAL, PER_THREAD);
            awaitQuiet(mbim.device);
            ResourceUsage after = ResourceUsage.now();
            int requests = 2 * WARM_UP + SEQUENTIAL + THREADS * PER_THREAD;
            System.out.printf("MBIM robustness: %d requests (%d measured after warm-up); malloc in use %d -> %d kB, "
                            + "heap after GC %d -> %d kB, threads %d -> %d, upcall handlers %d -> %d%n", requests,
                    SEQUENTIAL + THREADS * PER_THREAD, before.mallocKb(), after.mallocKb(), before.heapKb(),
                    after.heapKb(), before.threads(), after.threads(), before.handlers(), after.handlers());
            // No growth: every one-shot handler was called and removed. (It may shrink: handlers of devices other
            // tests closed are forgotten when libmbim finally drops them.)
            assertTrue(after.handlers() <= before.handlers(), "upcall handlers " + before.handlers() + " -> "
                    + after.handlers());
            assertTrue(after.threads() <= before.threads() + 2, "no thread per request: " + after.threads());
            assertTrue(before.mallocKb() < 0 || after.mallocKb() - before.mallocKb() < GROWTH_BOUND_KB,
                    "malloc in use grew by " + (after.mallocKb() - before.mallocKb()) + " kB");
            assertTrue(after.heapKb() - before.heapKb() < GROWTH_BOUND_KB, "heap after GC grew by "
                    + (after.heapKb() - before.heapKb()) + " kB");
            assertEquals(0, mbim.device.pendingRequests());
        }
    }

    /** {@code sequential} requests from this thread, then {@code perThread} from each of 8 threads at once. */
    private static void run(EmulatedMbim mbim, int sequential, int perThread) throws InterruptedException {
        for (int i = 0; i < sequential; i++) {
            switch (i % 3) {
                case 0 -> await(mbim.basic.queryRegisterState());
                case 1 -> await(mbim.basic.querySignalState());
                default -> await(mbim.basic.queryVisibleProviders(VisibleProvidersAction.FULL_SCAN));
            }
        }
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int worker = t;
            Thread.ofPlatform().name("mbim-load-" + t).start(() -> {
                try {
                    for (int i = 0; i < perThread; i++) {
                        if ((i + worker) % 2 == 0) {
                            await(mbim.basic.queryDeviceCaps());
                        } else {
                            await(mbim.extensions.querySlotInfoStatus(i % 4));
                        }
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        assertTrue(done.await(170, TimeUnit.SECONDS), "concurrent run finished");
        assertEquals(0, failures.get());
    }

    @Test
    void aHangBecomesATimeoutNotAStuckCaller() {
        MbimDeviceOptions quick = MbimDeviceOptions.defaults().withTimeout(Duration.ofSeconds(2))
                .withGrace(Duration.ofSeconds(2));
        try (EmulatedMbim mbim = EmulatedMbim.start(quick)) {
            mbim.modem.inject(Fault.HANG);
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> mbim.basic.queryDeviceCaps().get(30, TimeUnit.SECONDS));
            MbimCoreException timeout = assertInstanceOf(MbimCoreException.class, failure.getCause());
            assertEquals(CoreError.TIMEOUT, timeout.error().constant());
            mbim.modem.clear(Fault.HANG);
            assertEquals(mbim.modem.state().identity().imei(), await(mbim.basic.queryDeviceCaps()).deviceId());
        }
    }

    @Test
    void removalFailsPendingRequestsAndTellsListeners() throws Exception {
        try (EmulatedMbim mbim = EmulatedMbim.start()) {
            CompletableFuture<MbimDevice> removed = new CompletableFuture<>();
            mbim.device.onRemoved(removed::complete);
            mbim.modem.inject(Fault.HANG);
            CompletableFuture<BasicConnect.DeviceCapsResponse> pending = mbim.basic.queryDeviceCaps();
            mbim.modem.inject(Fault.UNPLUG);
            assertEquals(mbim.device, removed.get(30, TimeUnit.SECONDS));
            ExecutionException failure = assertThrows(ExecutionException.class, () -> pending.get(30, TimeUnit.SECONDS));
            assertInstanceOf(MbimDeviceRemovedException.class, failure.getCause());
            assertTrue(mbim.device.isRemoved());
            ExecutionException after = assertThrows(ExecutionException.class,
                    () -> mbim.basic.queryDeviceCaps().get(30, TimeUnit.SECONDS));
            assertInstanceOf(MbimDeviceRemovedException.class, after.getCause());
        }
    }

    @Test
    void quirksDoNotBreakIt() throws Exception {
        // A dribbled 120-provider scan takes seconds on a loaded machine; libmbim's timeout covers all fragments
        // (it reports "Fragment timed out" when it expires mid-message), so give it room.
        MbimDeviceOptions patient = MbimDeviceOptions.defaults().withTimeout(Duration.ofSeconds(60));
        try (EmulatedMbim mbim = EmulatedMbim.start(patient)) {
            // A long scan result: the emulator fragments it across several MBIM transfers.
            List<EmulatedProvider> many = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                many.add(new EmulatedProvider("262", "%03d".formatted(i), "Operator number " + i,
                        EmulatedProviderStatus.AVAILABLE,
                        false, java.util.Set.of(EmulatedRat.LTE)));
            }
            mbim.modem.state().setProviders(many);
            assertEquals(120, await(mbim.basic.queryVisibleProviders(VisibleProvidersAction.FULL_SCAN)).providers().size());

            mbim.modem.inject(Fault.DRIBBLE);
            assertEquals(120, await(mbim.basic.queryVisibleProviders(VisibleProvidersAction.FULL_SCAN)).providers().size());
            mbim.modem.clear(Fault.DRIBBLE);

            mbim.modem.inject(Fault.UNKNOWN_TLVS);
            assertEquals(mbim.modem.state().identity().imei(), await(mbim.basic.queryDeviceCaps()).deviceId());
            mbim.modem.clear(Fault.UNKNOWN_TLVS);

            // Indications interleaved with responses: signal changes while requests are in flight.
            Inbox<BasicConnect.SignalStateResponse> inbox = new Inbox<>();
            try (MbimSubscription subscription = mbim.basic.onSignalState(inbox)) {
                List<CompletableFuture<?>> inFlight = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    inFlight.add(mbim.basic.queryRegisterState());
                    mbim.modem.state().setSignal(new org.wwan4j.emulator.model.EmulatedSignal(-60 - i, -9, -95, 10));
                }
                for (CompletableFuture<?> future : inFlight) {
                    await(future);
                }
                inbox.awaitMatching(s -> s.rssi() == (-99 + 113) / 2);
            }
        }
    }

    private static void awaitQuiet(MbimDevice device) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((device.pendingRequests() > 0) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // dependent stages on the callback threads finish
    }

    @SuppressWarnings("unused")
    private static int handlers() {
        return Upcalls.registeredHandlers();
    }
}
