package org.wwan4j.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.mbim.EmulatedMbim.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.glib.ClosedException;

/** Opening, cancelling and closing: bounded, idempotent, nothing left behind. */
@Tag("slow")
class MbimDeviceLifecycleTest {

    @Test
    void closeIsIdempotentAndLaterRequestsFail() {
        try (EmulatedMbim mbim = EmulatedMbim.start()) {
            await(mbim.basic.queryDeviceCaps());
            mbim.device.close();
            mbim.device.close();
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> mbim.basic.queryDeviceCaps().get(30, TimeUnit.SECONDS));
            assertInstanceOf(ClosedException.class, failure.getCause());
        }
    }

    @Test
    void cancellingARequestCancelsItAndTheDeviceGoesOn() {
        try (EmulatedMbim mbim = EmulatedMbim.start()) {
            mbim.modem.inject(Fault.HANG);
            CompletableFuture<BasicConnect.DeviceCapsResponse> hung = mbim.basic.queryDeviceCaps();
            assertTrue(hung.cancel(true));
            assertThrows(CancellationException.class, hung::join);
            mbim.modem.clear(Fault.HANG);
            assertEquals(mbim.modem.state().identity().imei(), await(mbim.basic.queryDeviceCaps()).deviceId());
        }
    }

    @Test
    void openingAMissingPortFailsInsteadOfHanging() {
        MbimDeviceOptions options = MbimDeviceOptions.defaults().withTimeout(Duration.ofSeconds(2))
                .withGrace(Duration.ofSeconds(1));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> MbimDevice.open(
                Path.of("/nonexistent/cdc-wdm9"), options).get(30, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof RuntimeException, String.valueOf(failure.getCause()));
    }

    @Test
    void aRequestWithItsOwnTimeoutFailsWithTimeoutWhenTheModemHangs() {
        try (EmulatedMbim mbim = EmulatedMbim.start()) {
            mbim.modem.inject(Fault.HANG);
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> mbim.basic.queryDeviceCaps(Duration.ofSeconds(1)).get(30, TimeUnit.SECONDS));
            MbimCoreException timeout = assertInstanceOf(MbimCoreException.class, failure.getCause());
            assertEquals(CoreError.TIMEOUT, timeout.error().constant());
            assertEquals(0, mbim.device.pendingRequests());
            mbim.modem.clear(Fault.HANG); // so closing is answered at once
        }
    }

    @Test
    void closingFailsPendingRequestsAsClosedNotRemoved() {
        // A short device timeout: the hung modem never answers the CLOSE either, and closing waits for it.
        try (EmulatedMbim mbim = EmulatedMbim.start(MbimDeviceOptions.defaults().withTimeout(Duration.ofSeconds(1))
                .withGrace(Duration.ofSeconds(1)))) {
            mbim.modem.inject(Fault.HANG);
            // Its own long timeout: it must still be pending, however slow this machine, when the device closes.
            CompletableFuture<BasicConnect.DeviceCapsResponse> pending = mbim.basic.queryDeviceCaps(
                    Duration.ofMinutes(5));
            mbim.device.close();
            ExecutionException failure = assertThrows(ExecutionException.class, () -> pending.get(30, TimeUnit.SECONDS));
            assertInstanceOf(ClosedException.class, failure.getCause());
            assertFalse(failure.getCause() instanceof MbimDeviceRemovedException, failure.getCause().toString());
            assertEquals(0, mbim.device.pendingRequests());
        }
    }
}
