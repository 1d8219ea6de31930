package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.model.EmulatedCounters;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.EmulatedRegistrationState;

/** Every fault as a client sees it. */
@Timeout(90)
@Tag("slow")
class QmiFaultTest {

    /** A hung modem never answers; qmicli is given this long before the test stops it. */
    private static final int HANG_BOUND_SECONDS = 4;

    private EmulatedModem modem;

    private EmulatedModem start(EmulatorOptions options) {
        modem = EmulatedModem.start(EmulatedProtocol.QMI, options);
        return modem;
    }

    private EmulatedModem start() {
        return start(EmulatorOptions.defaults());
    }

    @AfterEach
    void stop() {
        if (modem != null) {
            modem.close();
        }
    }

    private void awaitLastClientClosed(long before) throws InterruptedException {
        while (modem.statistics().lastClientCloses() == before) {
            Thread.sleep(10);
        }
    }

    private String imei() {
        return "IMEI: '" + modem.state().identity().imei() + "'";
    }

    private void assertServes() {
        Qmicli.Result ids = Qmicli.run(modem.path(), "--dms-get-ids");
        assertTrue(ids.ok() && ids.stdout().contains(imei()), ids::toString);
    }

    @Test
    void hangMakesTheClientTimeOutUntilCleared() throws InterruptedException {
        start().inject(Fault.HANG);
        long closes = modem.statistics().lastClientCloses();
        Qmicli.Result hung = Qmicli.runFor(HANG_BOUND_SECONDS, modem.path(), "--dms-get-ids");
        assertFalse(hung.ok(), hung::toString);
        assertFalse(hung.stdout().contains(imei()), hung::toString);
        awaitLastClientClosed(closes);
        modem.clear(Fault.HANG);
        assertServes();
    }

    @Test
    void slowDribbledAnswersWithUnknownTlvsStillParse() {
        start(EmulatorOptions.defaults().withFaults(java.util.Set.of(Fault.SLOW, Fault.DRIBBLE, Fault.UNKNOWN_TLVS)));
        assertServes();
        Qmicli.Result serving = Qmicli.run(modem.path(), "--nas-get-serving-system");
        assertTrue(serving.ok() && serving.stdout().contains("Registration state: 'registered'"), serving::toString);
    }

    @Test
    void malformedFramesBreakTheClientUntilCleared() throws InterruptedException {
        start().inject(Fault.MALFORMED);
        long closes = modem.statistics().lastClientCloses();
        Qmicli.Result broken = Qmicli.runFor(HANG_BOUND_SECONDS, modem.path(), "--dms-get-ids");
        assertFalse(broken.ok(), broken::toString);
        // The killed client may have left corrupt frames unread: the next one starts after the port flushed them.
        awaitLastClientClosed(closes);
        modem.clear(Fault.MALFORMED);
        assertServes();
    }

    @Test
    void clientIdsRunOutAtTheLimitAndUnderTheFault() {
        start(EmulatorOptions.defaults().withClientLimitPerService(3));
        for (int i = 0; i < 3; i++) {
            Qmicli.Result kept = Qmicli.run(modem.path(), "--dms-get-ids", "--client-no-release-cid");
            assertTrue(kept.ok(), kept::toString);
        }
        assertEquals(3, modem.statistics().clientsAllocated("DMS"));
        Qmicli.Result exhausted = Qmicli.run(modem.path(), "--dms-get-ids");
        assertFalse(exhausted.ok());
        assertTrue(exhausted.stderr().contains("ClientIdsExhausted"), exhausted::toString);
        assertEquals(3, modem.statistics().totalAllocations("DMS"));

        // Other services have their own ids; the fault refuses them all.
        assertTrue(Qmicli.run(modem.path(), "--nas-get-serving-system").ok());
        modem.inject(Fault.CID_EXHAUSTION);
        Qmicli.Result refused = Qmicli.run(modem.path(), "--nas-get-serving-system");
        assertTrue(refused.stderr().contains("ClientIdsExhausted"), refused::toString);
    }

    @Test
    void unplugRemovesThePortAndReplugServesOnANewPtyBehindTheLink(@TempDir Path dir) {
        Path link = dir.resolve("cdc-wdm0");
        start(EmulatorOptions.defaults().withLink(link));
        Path before = modem.path();
        assertTrue(Qmicli.run(link, "--dms-get-ids").ok());

        modem.inject(Fault.UNPLUG);
        assertFalse(Files.exists(before));
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Qmicli.run(before, "--dms-get-ids").ok());

        modem.clear(Fault.UNPLUG);
        assertTrue(Files.exists(link));
        Qmicli.Result replugged = Qmicli.run(link, "--dms-get-ids");
        assertTrue(replugged.ok() && replugged.stdout().contains(imei()), replugged::toString);
    }

    @Test
    void rebootResetsTheState() {
        start();
        assertTrue(Qmicli.run(modem.path(), "--wds-start-network=apn=internet,ip-type=4", "--client-no-release-cid").ok());
        modem.state().setPower(PowerState.LOW_POWER);
        modem.inject(Fault.REBOOT);
        assertEquals(PowerState.ONLINE, modem.state().power());
        assertFalse(modem.state().bearer().connected());
        assertEquals(0, modem.statistics().clientsAllocated("WDS"));
        assertTrue(Qmicli.run(modem.path(), "--dms-get-operating-mode").stdout().contains("Mode: 'online'"));
    }

    @Test
    void networkLossDeregistersAndDropsTheCall() {
        start();
        assertTrue(Qmicli.run(modem.path(), "--wds-start-network=apn=internet,ip-type=4", "--client-no-release-cid").ok());
        modem.inject(Fault.NETWORK_LOSS);
        assertEquals(EmulatedRegistrationState.SEARCHING, modem.state().registration().state());
        Qmicli.Result serving = Qmicli.run(modem.path(), "--nas-get-serving-system");
        assertTrue(serving.stdout().contains("Registration state: 'not-registered-searching'"), serving::toString);
        assertTrue(Qmicli.run(modem.path(), "--wds-get-packet-service-status").stdout().contains("'disconnected'"));
        modem.clear(Fault.NETWORK_LOSS);
        assertTrue(Qmicli.run(modem.path(), "--nas-get-serving-system").stdout()
                .contains("Registration state: 'registered'"));
    }

    @Test
    void dataStallFreezesTheCountersWhileTheCallStaysUp() {
        start();
        assertTrue(Qmicli.run(modem.path(), "--wds-start-network=apn=internet,ip-type=4", "--client-no-release-cid").ok());
        modem.inject(Fault.DATA_STALL);
        EmulatedCounters frozen = modem.state().counters();
        modem.state().tick();
        modem.state().tick();
        assertEquals(frozen, modem.state().counters());
        String stats = Qmicli.run(modem.path(), "--wds-get-packet-statistics").stdout();
        assertTrue(stats.contains("RX bytes OK: " + frozen.rxBytes()), stats);
        assertTrue(modem.state().bearer().connected());
        modem.clear(Fault.DATA_STALL);
        modem.state().tick();
        assertNotEquals(frozen, modem.state().counters());
    }
}
