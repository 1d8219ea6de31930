package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.FirmwareProfile;
import org.wwan4j.emulator.ModemLocks;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.model.PowerState;

/**
 * {@code --fcc-locked} and {@code --sim-pin} as qmicli 1.32 sees them, an independent peer: online is refused until
 * an FCC unlock arrives; a PIN-locked card counts its attempts down and needs its PUK after three wrong ones; older
 * firmware takes the PIN through DMS only.
 */
@Timeout(120)
class QmiLocksTest {

    private static EmulatedModem start(ModemLocks locks, FirmwareProfile profile) {
        return EmulatedModem.start(EmulatedProtocol.QMI, EmulatorOptions.defaults().withLocks(locks)
                .withProfile(profile));
    }

    @Test
    void anFccLockedModemRefusesOnlineUntilUnlockedAndIsLockedAgainAfterAReboot() throws Exception {
        try (EmulatedModem modem = start(new ModemLocks(true, null), FirmwareProfile.MODERN)) {
            Qmicli qmicli = Qmicli.on(modem::path);
            Qmicli.assertHas(qmicli.ok("--dms-get-operating-mode"), "Mode: 'low-power'");
            Qmicli.Result refused = qmicli.run("--dms-set-operating-mode=online");
            assertFalse(refused.ok(), refused::toString);
            assertTrue(refused.all().contains("InvalidTransition"), refused::toString);

            qmicli.ok("--dms-set-fcc-authentication");
            qmicli.ok("--dms-set-operating-mode=online");
            assertEquals(PowerState.ONLINE, modem.state().power());

            modem.inject(Fault.REBOOT);
            modem.clear(Fault.REBOOT);
            assertTrue(modem.state().fccLocked(), "the lock is re-armed at boot");
            assertEquals(PowerState.LOW_POWER, modem.state().power());
        }
    }

    @Test
    void theFoxconnUnlocksOpenTheLockToo() throws Exception {
        try (EmulatedModem modem = start(new ModemLocks(true, null), FirmwareProfile.MODERN)) {
            Qmicli qmicli = Qmicli.on(modem::path);
            Qmicli.assertHas(qmicli.ok("--dms-foxconn-get-firmware-version=apps"), "Version: '"
                    + modem.state().identity().revision() + "'");
            qmicli.ok("--dms-foxconn-set-fcc-authentication-v2=salt0123456789abcdef0123456789abcdef,48");
            qmicli.ok("--dms-set-operating-mode=online");
        }
    }

    @Test
    void aPinLockedCardCountsItsAttemptsDownAndNeedsItsPukAfterThree() throws Exception {
        try (EmulatedModem modem = start(new ModemLocks(false, "4711"), FirmwareProfile.MODERN)) {
            Qmicli qmicli = Qmicli.on(modem::path);
            Qmicli.assertHas(qmicli.ok("--uim-get-card-status"), "Application state: 'pin1-or-upin-pin-required'",
                    "PIN1 state: 'enabled-not-verified'", "PIN1 retries: '3'");
            for (int left = 2; left >= 1; left--) {
                Qmicli.Result wrong = qmicli.run("--uim-verify-pin=PIN1,0000");
                assertTrue(wrong.all().contains("IncorrectPin"), wrong::toString);
                int expected = left;
                assertTrue(wrong.all().contains("Verify: " + expected), wrong::toString);
            }
            Qmicli.assertHas(qmicli.ok("--dms-uim-get-pin-status"), "Status: enabled-not-verified", "Verify: 1");
            Qmicli.Result third = qmicli.run("--uim-verify-pin=PIN1,0000");
            assertTrue(third.all().contains("PinBlocked"), third::toString);
            Qmicli.assertHas(qmicli.ok("--uim-get-card-status"), "Application state: 'puk1-or-upin-puk-required'",
                    "PIN1 state: 'blocked'");
            Qmicli.Result right = qmicli.run("--uim-verify-pin=PIN1,4711");
            assertFalse(right.ok(), "a PUK-blocked card takes no PIN: " + right);
        }
    }

    @Test
    void theRightPinUnlocksTheCardAndItRegisters() throws Exception {
        try (EmulatedModem modem = start(new ModemLocks(false, "4711"), FirmwareProfile.MODERN)) {
            Qmicli qmicli = Qmicli.on(modem::path);
            assertFalse(modem.state().registration().state().registered(), "a locked SIM does not register");
            qmicli.ok("--uim-verify-pin=PIN1,4711");
            Qmicli.assertHas(qmicli.ok("--uim-get-card-status"), "Application state: 'ready'",
                    "PIN1 state: 'enabled-verified'");
            assertTrue(modem.state().registration().state().registered());
        }
    }

    @Test
    void olderFirmwareTakesThePinThroughDmsOnly() throws Exception {
        try (EmulatedModem modem = start(new ModemLocks(false, "4711"), FirmwareProfile.LEGACY)) {
            Qmicli qmicli = Qmicli.on(modem::path);
            Qmicli.Result uim = qmicli.run("--uim-verify-pin=PIN1,4711");
            assertTrue(uim.all().contains("InvalidQmiCommand"), uim::toString);
            qmicli.ok("--dms-uim-verify-pin=PIN,4711");
            Qmicli.assertHas(qmicli.ok("--dms-uim-get-pin-status"), "Status: enabled-verified");
        }
    }
}
