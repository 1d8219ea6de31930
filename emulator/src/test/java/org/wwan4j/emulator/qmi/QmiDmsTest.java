package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.model.EmulatedIdentity;
import org.wwan4j.emulator.model.PowerState;

/** CTL and DMS as qmicli 1.32 sees them. */
@Timeout(60)
class QmiDmsTest {

    @RegisterExtension
    static final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.QMI);
    private static final Qmicli qmicli = Qmicli.on(emulator::path);

    @Test
    void identityAndCapabilitiesAreWhatTheStateHolds() {
        EmulatedIdentity identity = emulator.state().identity();
        Qmicli.Result ids = qmicli.run("--dms-get-ids");
        assertTrue(ids.ok(), ids::toString);
        assertTrue(ids.stdout().contains("IMEI: '" + identity.imei() + "'"), ids::toString);
        assertTrue(emulator.modem().statistics().requestsSeen("DMS", DmsService.GET_IDS) >= 1);
        assertTrue(emulator.modem().statistics().totalAllocations("DMS") >= 1);
        assertEquals(0, emulator.modem().statistics().clientsAllocated("DMS"), "qmicli released its client id");

        Qmicli.Result manufacturer = qmicli.run("--dms-get-manufacturer");
        assertTrue(manufacturer.stdout().contains("Manufacturer: '" + identity.manufacturer() + "'"), manufacturer::toString);
        Qmicli.Result model = qmicli.run("--dms-get-model");
        assertTrue(model.stdout().contains("Model: '" + identity.model() + "'"), model::toString);
        Qmicli.Result revision = qmicli.run("--dms-get-revision");
        assertTrue(revision.stdout().contains("Revision: '" + identity.revision() + "'"), revision::toString);
        Qmicli.Result capabilities = qmicli.run("--dms-get-capabilities");
        assertTrue(capabilities.stdout().contains("Max TX channel rate: '50000000'"), capabilities::toString);
        assertTrue(capabilities.stdout().contains("Networks: 'gsm, umts, lte'"), capabilities::toString);
    }

    @Test
    void operatingModeIsSetAndReadBackAndResetRebootsFromOffline() throws Exception {
        assertTrue(qmicli.run("--dms-get-operating-mode").stdout().contains("Mode: 'online'"));
        Qmicli.Result lowPower = qmicli.run("--dms-set-operating-mode=low-power");
        assertTrue(lowPower.ok(), lowPower::toString);
        assertEquals(PowerState.LOW_POWER, emulator.state().power());
        assertTrue(qmicli.run("--dms-get-operating-mode").stdout().contains("Mode: 'low-power'"));
        assertTrue(qmicli.run("--nas-get-serving-system").stdout()
                .contains("Registration state: 'not-registered'"));

        Qmicli.Result resetWhileOnline = qmicli.run("--dms-set-operating-mode=reset");
        assertTrue(!resetWhileOnline.ok() && resetWhileOnline.stderr().contains("InvalidTransition"),
                resetWhileOnline::toString);
        assertTrue(qmicli.run("--dms-set-operating-mode=offline").ok());
        assertEquals(PowerState.OFFLINE, emulator.state().power());
        assertTrue(qmicli.run("--dms-set-operating-mode=reset").ok());
        // The reset answers first and restarts the modem a moment later: back to its defaults, online.
        while (emulator.state().power() != PowerState.ONLINE) {
            Thread.sleep(20);
        }
        assertTrue(qmicli.run("--dms-get-operating-mode").stdout().contains("Mode: 'online'"));
    }

    @Test
    void serviceVersionInfoListsTheEmulatedServices() {
        Qmicli.Result versions = qmicli.run("--get-service-version-info");
        assertTrue(versions.ok(), versions::toString);
        for (String service : new String[] {"ctl (1.5)", "wds (1.67)", "dms (1.14)", "nas (1.25)", "uim (1.46)",
                "loc (2.0)", "wda (1.16)"}) {
            assertTrue(versions.stdout().contains(service), () -> service + " missing in " + versions);
        }
    }
}
