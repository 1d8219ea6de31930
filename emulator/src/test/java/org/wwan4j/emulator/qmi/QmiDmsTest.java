package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.Protocol;
import org.wwan4j.emulator.model.Identity;
import org.wwan4j.emulator.model.PowerState;

/** CTL and DMS as qmicli 1.32 sees them. */
@Timeout(60)
class QmiDmsTest {

    private static EmulatedModem modem;

    @BeforeAll
    static void start() {
        modem = EmulatedModem.start(Protocol.QMI);
    }

    @AfterAll
    static void stop() {
        modem.close();
    }

    @Test
    void identityAndCapabilitiesAreWhatTheStateHolds() {
        Identity identity = modem.state().identity();
        Qmicli.Result ids = Qmicli.run(modem.path(), "--dms-get-ids");
        assertTrue(ids.ok(), ids::toString);
        assertTrue(ids.stdout().contains("IMEI: '" + identity.imei() + "'"), ids::toString);
        assertTrue(modem.statistics().requestsSeen("DMS", DmsService.GET_IDS) >= 1);
        assertTrue(modem.statistics().totalAllocations("DMS") >= 1);
        assertEquals(0, modem.statistics().clientsAllocated("DMS"), "qmicli released its client id");

        Qmicli.Result manufacturer = Qmicli.run(modem.path(), "--dms-get-manufacturer");
        assertTrue(manufacturer.stdout().contains("Manufacturer: '" + identity.manufacturer() + "'"), manufacturer::toString);
        Qmicli.Result model = Qmicli.run(modem.path(), "--dms-get-model");
        assertTrue(model.stdout().contains("Model: '" + identity.model() + "'"), model::toString);
        Qmicli.Result revision = Qmicli.run(modem.path(), "--dms-get-revision");
        assertTrue(revision.stdout().contains("Revision: '" + identity.revision() + "'"), revision::toString);
        Qmicli.Result capabilities = Qmicli.run(modem.path(), "--dms-get-capabilities");
        assertTrue(capabilities.stdout().contains("Max TX channel rate: '50000000'"), capabilities::toString);
        assertTrue(capabilities.stdout().contains("Networks: 'gsm, umts, lte'"), capabilities::toString);
    }

    @Test
    void operatingModeIsSetAndReadBackAndResetRebootsFromOffline() throws Exception {
        assertTrue(Qmicli.run(modem.path(), "--dms-get-operating-mode").stdout().contains("Mode: 'online'"));
        Qmicli.Result lowPower = Qmicli.run(modem.path(), "--dms-set-operating-mode=low-power");
        assertTrue(lowPower.ok(), lowPower::toString);
        assertEquals(PowerState.LOW_POWER, modem.state().power());
        assertTrue(Qmicli.run(modem.path(), "--dms-get-operating-mode").stdout().contains("Mode: 'low-power'"));
        assertTrue(Qmicli.run(modem.path(), "--nas-get-serving-system").stdout()
                .contains("Registration state: 'not-registered'"));

        Qmicli.Result resetWhileOnline = Qmicli.run(modem.path(), "--dms-set-operating-mode=reset");
        assertTrue(!resetWhileOnline.ok() && resetWhileOnline.stderr().contains("InvalidTransition"),
                resetWhileOnline::toString);
        assertTrue(Qmicli.run(modem.path(), "--dms-set-operating-mode=offline").ok());
        assertEquals(PowerState.OFFLINE, modem.state().power());
        assertTrue(Qmicli.run(modem.path(), "--dms-set-operating-mode=reset").ok());
        // The reset answers first and restarts the modem a moment later: back to its defaults, online.
        while (modem.state().power() != PowerState.ONLINE) {
            Thread.sleep(20);
        }
        assertTrue(Qmicli.run(modem.path(), "--dms-get-operating-mode").stdout().contains("Mode: 'online'"));
    }

    @Test
    void serviceVersionInfoListsTheEmulatedServices() {
        Qmicli.Result versions = Qmicli.run(modem.path(), "--get-service-version-info");
        assertTrue(versions.ok(), versions::toString);
        for (String service : new String[] {"ctl (1.5)", "wds (1.67)", "dms (1.14)", "nas (1.25)", "uim (1.46)",
                "loc (2.0)", "wda (1.16)"}) {
            assertTrue(versions.stdout().contains(service), () -> service + " missing in " + versions);
        }
    }
}
