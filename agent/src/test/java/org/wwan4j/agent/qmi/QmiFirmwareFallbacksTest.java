package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.status.Identity;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.status.SimType;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.EmulatorStatistics;
import org.wwan4j.emulator.FirmwareProfile;
import org.wwan4j.emulator.model.EmulatedSignal;
import org.wwan4j.emulator.model.SimSlot;

/**
 * {@link QmiModem} over real libqmi against both firmware profiles of the emulator: an older firmware gives every
 * field through the older messages, a refused message is sent once per modem, and today's firmware is still read
 * through the newer messages. Message ids are libqmi's (qmi-service-*.json).
 */
@Timeout(120)
class QmiFirmwareFallbacksTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int DMS_UIM_GET_ICCID = 0x003C;
    private static final int DMS_UIM_GET_IMSI = 0x0043;
    private static final int DMS_GET_HARDWARE_REVISION = 0x002C;
    private static final int NAS_SET_EVENT_REPORT = 0x0002;
    private static final int NAS_GET_SIGNAL_STRENGTH = 0x0020;
    private static final int NAS_GET_SERVING_SYSTEM = 0x0024;
    private static final int NAS_GET_SYSTEM_INFO = 0x004D;
    private static final int NAS_GET_SIGNAL_INFO = 0x004F;
    private static final int UIM_READ_TRANSPARENT = 0x0020;
    private static final int UIM_GET_CARD_STATUS = 0x002F;
    private static final int UIM_GET_SLOT_STATUS = 0x0047;

    private EmulatedModem emulator;
    private Modem modem;
    private final Events events = new Events();

    @AfterEach
    void close() {
        if (modem != null) {
            modem.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private void open(FirmwareProfile profile) throws Exception {
        emulator = EmulatedModem.start(EmulatedProtocol.QMI, EmulatorOptions.defaults().withProfile(profile));
        modem = new QmiModemFactory(null).open(emulator.path(), Protocol.QMI)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        modem.addListener(events);
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private void awaitRequest(String service, int message, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (seen().requestsSeen(service, message) == 0) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(10);
        }
    }

    private EmulatorStatistics seen() {
        return emulator.statistics();
    }

    @Test
    void anOlderFirmwareGivesEveryFieldThroughTheOlderMessages() throws Exception {
        open(FirmwareProfile.LEGACY);
        var emulated = emulator.state();
        SimSlot card = emulated.activeCard().orElseThrow();

        Identity identity = get(modem.identity());
        assertEquals(emulated.identity().imei(), identity.imei());
        assertEquals(emulated.identity().hardwareRevision(), identity.hardwareRevision());
        assertEquals(List.of(new Sim(1, true, SimState.PRESENT, card.iccid(), card.imsi(), SimType.UNKNOWN)),
                get(modem.sims()), "no slot status: one slot, from the card status and DMS");
        EmulatedSignal signal = emulated.signal();
        assertEquals(new Signal(signal.rssi(), signal.rsrq(), signal.rsrp(), signal.snr()), get(modem.signal()));
        Registration registration = get(modem.registration());
        assertEquals(new Registration(RegistrationState.HOME, emulated.registration().mcc(),
                emulated.registration().mnc(), emulated.registration().operatorName(), List.of(Rat.LTE)),
                registration);

        assertTrue(seen().requestsSeen("DMS", DMS_UIM_GET_ICCID) > 0);
        assertTrue(seen().requestsSeen("DMS", DMS_UIM_GET_IMSI) > 0);
        assertTrue(seen().requestsSeen("NAS", NAS_GET_SIGNAL_STRENGTH) > 0);
        assertTrue(seen().requestsSeen("NAS", NAS_GET_SERVING_SYSTEM) > 0);
    }

    @Test
    void aRequestTheFirmwareRefusedIsAskedOncePerModem() throws Exception {
        open(FirmwareProfile.LEGACY);
        for (int i = 0; i < 3; i++) {
            get(modem.sims());
            get(modem.signal());
            get(modem.registration());
        }
        assertEquals(1, seen().requestsSeen("UIM", UIM_READ_TRANSPARENT), "ICCID refused it; IMSI did not ask");
        assertEquals(1, seen().requestsSeen("UIM", UIM_GET_SLOT_STATUS));
        assertEquals(1, seen().requestsSeen("NAS", NAS_GET_SIGNAL_INFO));
        assertEquals(1, seen().requestsSeen("NAS", NAS_GET_SYSTEM_INFO));
        // The fallbacks answer every time: the chain still runs, it only skips what was refused.
        assertTrue(seen().requestsSeen("DMS", DMS_UIM_GET_ICCID) >= 3);
        assertTrue(seen().requestsSeen("UIM", UIM_GET_CARD_STATUS) >= 3);
        assertTrue(seen().requestsSeen("NAS", NAS_GET_SIGNAL_STRENGTH) >= 3);
    }

    @Test
    void anOlderFirmwareReportsSignalChangesThroughTheEventReport() throws Exception {
        open(FirmwareProfile.LEGACY);
        // The modem subscribes to signal changes after the open completes: wait until the fallback request arrived.
        awaitRequest("NAS", NAS_SET_EVENT_REPORT, "the Event Report asked after signal info indications were refused");
        emulator.state().setSignal(new EmulatedSignal(-71, -11, -101, 7.5));
        events.await("the new signal", e -> e instanceof ModemEvent.SignalChanged s
                && s.signal().equals(new Signal(-71, -11, -101, 7.5)));
    }

    @Test
    void todaysFirmwareIsStillReadThroughTheNewerMessages() throws Exception {
        open(FirmwareProfile.MODERN);
        var emulated = emulator.state();
        assertEquals(4, get(modem.sims()).size(), "slot status lists every slot");
        EmulatedSignal signal = emulated.signal();
        assertEquals(new Signal(signal.rssi(), signal.rsrq(), signal.rsrp(), signal.snr()), get(modem.signal()));
        Registration registration = get(modem.registration());
        assertEquals(RegistrationState.HOME, registration.state());
        assertEquals(emulated.registration().operatorName(), registration.operator(),
                "System Info has no name: it comes from the Serving System");
        get(modem.registration());
        assertEquals(emulated.identity().hardwareRevision(), get(modem.identity()).hardwareRevision());

        assertEquals(1, seen().requestsSeen("NAS", NAS_GET_SERVING_SYSTEM), "one name lookup per PLMN");
        assertEquals(2, seen().requestsSeen("NAS", NAS_GET_SYSTEM_INFO));
        assertEquals(1, seen().requestsSeen("DMS", DMS_GET_HARDWARE_REVISION));
        for (int older : new int[] {DMS_UIM_GET_ICCID, DMS_UIM_GET_IMSI}) {
            assertEquals(0, seen().requestsSeen("DMS", older));
        }
        assertEquals(0, seen().requestsSeen("NAS", NAS_GET_SIGNAL_STRENGTH));
        assertEquals(0, seen().requestsSeen("NAS", NAS_SET_EVENT_REPORT));
    }

    /** Every event delivered, with a bounded wait for one that matches. */
    private static final class Events implements org.wwan4j.agent.modem.ModemListener {
        private final List<ModemEvent> seen = new ArrayList<>();

        @Override
        public synchronized void onEvent(ModemEvent event) {
            seen.add(event);
            notifyAll();
        }

        synchronized ModemEvent await(String what, Predicate<ModemEvent> test) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                for (ModemEvent event : seen) {
                    if (test.test(event)) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no event for " + what + " within " + WAIT + "; got " + seen);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
