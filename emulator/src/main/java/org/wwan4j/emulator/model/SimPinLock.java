package org.wwan4j.emulator.model;

/**
 * The active card's PIN1, when the card has one enabled: the PIN, the attempts left and whether it was entered since
 * the modem booted. Three wrong PINs block it (the PUK is needed then, which the emulator does not take: a
 * PUK-blocked card stays blocked); PUK attempts are reported as a real card does.
 *
 * @param pin        the right PIN
 * @param pinRetries PIN attempts left (3 on a fresh card)
 * @param pukRetries PUK attempts left (10 on a fresh card)
 * @param verified   the PIN was entered since boot
 */
public record SimPinLock(String pin, int pinRetries, int pukRetries, boolean verified) {

    public static final int PIN_ATTEMPTS = 3;
    public static final int PUK_ATTEMPTS = 10;

    /** What entering a PIN did. */
    public enum Result { ACCEPTED, REJECTED, BLOCKED }

    public static SimPinLock fresh(String pin) {
        return new SimPinLock(pin, PIN_ATTEMPTS, PUK_ATTEMPTS, false);
    }

    /** The card needs its PIN before anything else works. */
    public boolean locked() {
        return !verified;
    }

    /** Out of PIN attempts: only the PUK would open it. */
    public boolean pukBlocked() {
        return pinRetries == 0;
    }

    SimPinLock afterAttempt(String attempt) {
        if (pukBlocked() || verified) {
            return this;
        }
        return pin.equals(attempt) ? new SimPinLock(pin, PIN_ATTEMPTS, pukRetries, true)
                : new SimPinLock(pin, pinRetries - 1, pukRetries, false);
    }

    /** After a reboot the PIN must be entered again; attempts used stay used, as on a real card. */
    SimPinLock afterReboot() {
        return new SimPinLock(pin, pinRetries, pukRetries, false);
    }

    @Override
    public String toString() {
        return "SimPinLock[pin=***, pinRetries=" + pinRetries + ", pukRetries=" + pukRetries + ", verified="
                + verified + "]";
    }
}
