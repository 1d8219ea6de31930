package org.wwan4j.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.model.EmulatedSignal;
import org.wwan4j.glib.ClosedException;
import org.wwan4j.glib.LoopFuture;
import org.wwan4j.glib.RequestDeadlines;

/** A modem that hangs, goes away or sends odd frames never leaves a caller stuck or a wrong value behind. */
@Timeout(120)
@Tag("slow")
class QmiFaultTest extends EmulatorFixture {

    @Test
    void aHangingModemTurnsIntoATimeoutException() {
        ClientDms dms = Await.result(device.dms());
        modem.inject(Fault.HANG);
        Throwable failure = Await.failure(dms.getIds(Duration.ofSeconds(1)));
        QmiCoreException e = assertInstanceOf(QmiCoreException.class, failure);
        assertEquals(CoreError.TIMEOUT, e.error().constant());
        modem.clear(Fault.HANG);
        assertEquals(modem.state().identity().imei(), Await.result(dms.getIds()).imei());
    }

    @Test
    void theJavaSideDeadlineFailsARequestLibqmiNeverAnswersWithATimeout() {
        LoopFuture<Object> never = new RequestDeadlines().watch(new LoopFuture<>(), Duration.ZERO,
                () -> QmiErrors.deadline("test", Duration.ZERO));
        QmiCoreException e = assertInstanceOf(QmiCoreException.class, Await.failure(never));
        assertEquals(CoreError.TIMEOUT, e.error().constant());
    }

    @Test
    void closingTheDeviceFailsPendingRequestsAsClosed() {
        ClientDms dms = Await.result(device.dms());
        modem.inject(Fault.HANG);
        LoopFuture<ClientDms.GetIdsOutput> pending = dms.getIds(Duration.ofSeconds(20));
        device.close();
        Throwable failure = Await.failure(pending);
        assertInstanceOf(ClosedException.class, failure);
        assertFalse(failure instanceof QmiDeviceRemovedException, "closed, not removed: " + failure);
        assertInstanceOf(ClosedException.class, Await.failure(dms.getIds()));
        assertInstanceOf(ClosedException.class, Await.failure(device.nas()));
    }

    @Test
    void theDeadlineSweepRunsOnlyWhileRequestsArePending() {
        ClientDms dms = Await.result(device.dms());
        modem.inject(Fault.HANG);
        LoopFuture<ClientDms.GetIdsOutput> pending = dms.getIds(Duration.ofSeconds(20));
        Await.until("a pending request to keep the sweep scheduled", RequestDeadlines::sweepScheduled);
        modem.clear(Fault.HANG);
        pending.cancel(false);
        Await.result(dms.getIds());

        // Nothing pending any more: the sweeper forgets the finished requests and stops waking up.
        Await.until("the sweep to stop", () -> !RequestDeadlines.sweepScheduled());
        assertEquals(0, device.pendingRequests());
    }

    @Test
    void unpluggingFailsPendingRequestsAndTellsListeners() throws InterruptedException {
        ClientDms dms = Await.result(device.dms());
        CountDownLatch told = new CountDownLatch(1);
        device.onRemoved(d -> told.countDown());
        modem.inject(Fault.HANG);
        LoopFuture<ClientDms.GetIdsOutput> pending = dms.getIds(Duration.ofSeconds(20));
        modem.inject(Fault.UNPLUG);
        assertTrue(told.await(30, TimeUnit.SECONDS), "onRemoved listener");
        assertInstanceOf(QmiDeviceRemovedException.class, Await.failure(pending));
        assertInstanceOf(QmiDeviceRemovedException.class, Await.failure(dms.getIds()));
        assertTrue(device.isRemoved());
    }

    @Test
    void unknownExtraTlvsAreIgnored() {
        modem.inject(Fault.UNKNOWN_TLVS);
        ClientDms dms = Await.result(device.dms());
        ClientNas nas = Await.result(device.nas());
        assertEquals(modem.state().identity().imei(), Await.result(dms.getIds()).imei());
        assertEquals(modem.state().registration().operatorName(),
                Await.result(nas.getServingSystem()).currentPlmn().description());
    }

    @Test
    void responsesDribbledAcrossReadsAreReassembled() {
        modem.inject(Fault.DRIBBLE);
        ClientDms dms = Await.result(device.dms());
        for (int i = 0; i < 20; i++) {
            assertEquals(modem.state().identity().model(), Await.result(dms.getModel()).model());
        }
    }

    @Test
    void indicationsInterleavedWithResponsesBreakNothing() throws InterruptedException {
        ClientNas nas = Await.result(device.nas());
        ClientDms dms = Await.result(device.dms());
        AtomicInteger indications = new AtomicInteger();
        try (QmiSubscription s = nas.onSignalInfo(i -> indications.incrementAndGet())) {
            Await.result(nas.registerIndications(new ClientNas.RegisterIndicationsInput().signalInfo(true)));
            AtomicBoolean stop = new AtomicBoolean();
            Thread changer = Thread.ofPlatform().start(() -> {
                int n = 0;
                while (!stop.get()) {
                    modem.state().setSignal(new EmulatedSignal(-60 - n++ % 30, -9, -95, 10.0));
                    Thread.onSpinWait();
                }
            });
            try {
                List<LoopFuture<ClientDms.GetIdsOutput>> all = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    all.add(dms.getIds());
                }
                for (LoopFuture<ClientDms.GetIdsOutput> f : all) {
                    assertEquals(modem.state().identity().imei(), Await.result(f).imei());
                }
            } finally {
                stop.set(true);
                changer.join();
            }
            Await.until("indications", () -> indications.get() > 0);
        }
    }
}
