package org.wwan4j.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.wwan4j.emulator.model.EmulatedSignal;

/**
 * A listener sees a device's indications in the order the modem sent them, one at a time, however slow it is: the
 * {@code Modem} contract the agent builds on (a registration or signal change applied out of order leaves the
 * status wrong until the next one).
 */
class MbimIndicationOrderTest {

    /** MBIM codes RSSI as 0..31 in 2 dB steps: 1..30 are thirty distinct values, none of them a limit. */
    private static final int BURST = 30;

    @Test
    void aBurstOfSignalNotificationsReachesASlowListenerInTheModemsOrder() throws InterruptedException {
        try (EmulatedMbim mbim = EmulatedMbim.start()) {
            // The listener holds its first notification until every other one has reached the API (a second,
            // independent listener counts them): any delivery that does not wait its turn overtakes the first.
            CountDownLatch othersArrived = new CountDownLatch(BURST);
            CountDownLatch allSeen = new CountDownLatch(BURST);
            List<Long> seen = new ArrayList<>();
            AtomicInteger inListener = new AtomicInteger();
            AtomicBoolean overlapped = new AtomicBoolean();
            AtomicBoolean firstCall = new AtomicBoolean(true);
            Consumer<BasicConnect.SignalStateResponse> slowAtFirst = signal -> {
                if (inListener.incrementAndGet() > 1) {
                    overlapped.set(true);
                }
                try {
                    if (firstCall.compareAndSet(true, false)) {
                        awaitQuietly(othersArrived);
                    }
                    synchronized (seen) {
                        seen.add(signal.rssi());
                    }
                } finally {
                    inListener.decrementAndGet();
                    allSeen.countDown();
                }
            };
            List<Long> sent = new ArrayList<>();
            try (MbimSubscription ordered = mbim.basic.onSignalState(slowAtFirst);
                 MbimSubscription counter = mbim.basic.onSignalState(signal -> othersArrived.countDown())) {
                for (int coded = 1; coded <= BURST; coded++) {
                    mbim.modem.state().setSignal(new EmulatedSignal(-113 + 2 * coded, -9, -95, 12.5));
                    sent.add((long) coded);
                }
                assertTrue(othersArrived.await(EmulatedMbim.WAIT.toSeconds(), TimeUnit.SECONDS),
                        "every notification reached the other listener");
                assertTrue(allSeen.await(EmulatedMbim.WAIT.toSeconds(), TimeUnit.SECONDS),
                        "every notification reached the slow listener");
            }
            synchronized (seen) {
                assertEquals(sent, seen, "the modem's order");
            }
            assertFalse(overlapped.get(), "one notification at a time");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            // Bounded: on a reordering runtime the test fails on the order, not by hanging here.
            latch.await(EmulatedMbim.WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
