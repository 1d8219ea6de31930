package org.wwan4j.emulator;

/**
 * The locks the emulated modem boots with: FCC-locked (the radio refuses to go online until an FCC unlock arrives:
 * QMI DMS Set FCC Authentication or the Foxconn variants, MBIM Quectel radio state on) and a SIM PIN (the card
 * waits for PIN1; three wrong tries block it for its PUK).
 *
 * @param fccLocked whether the modem boots FCC-locked (again after every reboot)
 * @param simPin    the SIM's PIN1, or null for a card without one
 */
public record ModemLocks(boolean fccLocked, String simPin) {

    public static final ModemLocks NONE = new ModemLocks(false, null);

    public ModemLocks {
        if (simPin != null && !simPin.matches("[0-9]{4,8}")) {
            throw new IllegalArgumentException("a SIM PIN is 4 to 8 digits");
        }
    }

    @Override
    public String toString() {
        return "ModemLocks[fccLocked=" + fccLocked + ", simPin=" + (simPin == null ? "none" : "***") + "]";
    }
}
