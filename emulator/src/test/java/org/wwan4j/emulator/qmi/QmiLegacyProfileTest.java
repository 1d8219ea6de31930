package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.FirmwareProfile;

/**
 * The legacy firmware profile as qmicli 1.32, an independent peer, sees it: the older messages answer, the newer ones
 * are refused as an old firmware refuses them, and every refusal is counted like any other request.
 */
@Timeout(90)
@Tag("slow")
class QmiLegacyProfileTest {

    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.QMI,
            EmulatorOptions.defaults().withProfile(FirmwareProfile.LEGACY));
    private final Qmicli qmicli = Qmicli.on(emulator::path);

    @Test
    void answersTheOlderMessages() {
        String iccid = emulator.state().activeCard().orElseThrow().iccid();
        Qmicli.assertHas(qmicli.ok("--dms-uim-get-iccid"), "ICCID: '" + iccid + "'");
        String imsi = emulator.state().activeCard().orElseThrow().imsi();
        Qmicli.assertHas(qmicli.ok("--dms-uim-get-imsi"), "IMSI: '" + imsi + "'");
        Qmicli.assertHas(qmicli.ok("--dms-get-hardware-revision"), "Revision: '");
        Qmicli.assertHas(qmicli.ok("--uim-get-card-status"), "Card state: 'present'");
        Qmicli.assertHas(qmicli.ok("--nas-get-signal-strength"), "Current:", "RSRP:");
        Qmicli.assertHas(qmicli.ok("--nas-get-serving-system"), "Registration state: 'registered'");
    }

    @Test
    void refusesTheNewerOnesAsAnOldFirmwareDoes() {
        for (String newer : new String[] {"--uim-get-slot-status", "--nas-get-signal-info", "--nas-get-system-info",
                "--uim-read-transparent=0x3F00,0x2FE2"}) {
            Qmicli.Result refused = qmicli.run(newer);
            assertFalse(refused.ok(), () -> newer + " should be refused\n" + refused);
            assertTrue(refused.all().contains("InvalidQmiCommand"), () -> newer + "\n" + refused);
        }
        assertEquals(1, emulator.modem().statistics().requestsSeen("UIM", UimService.GET_SLOT_STATUS),
                "a refused request is still a request the modem saw");
    }
}
