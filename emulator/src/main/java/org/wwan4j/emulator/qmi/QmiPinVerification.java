package org.wwan4j.emulator.qmi;

import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.SimPinLock;

/**
 * PIN1 entry as both QMI paths answer it (UIM Verify PIN, and DMS UIM Verify PIN on older firmware): success, or
 * IncorrectPin / PinBlocked with the attempts left in the retries TLV, as a real card reports them. The retries TLV
 * is 0x10 in both messages.
 */
final class QmiPinVerification {

    static final int INCORRECT_PIN = 12;
    static final int PIN_BLOCKED = 35;
    static final int RETRIES_TLV = 0x10;

    private QmiPinVerification() {
    }

    /** Enters the PIN; returns the success TLVs or throws the card's refusal. */
    static byte[] verify(ModemState state, String pin) {
        if (state.activeCard().isEmpty()) {
            throw new QmiRequestException(QmiError.UIM_UNINITIALIZED, "no SIM");
        }
        SimPinLock.Result result = state.enterPin(pin);
        byte[] retries = retries(state.simPin());
        return switch (result) {
            case ACCEPTED -> retries;
            case REJECTED -> throw new QmiRequestException(state.simPin().pukBlocked() ? PIN_BLOCKED : INCORRECT_PIN,
                    "wrong PIN", retries);
            case BLOCKED -> throw new QmiRequestException(PIN_BLOCKED, "PIN blocked: the PUK is needed", retries);
        };
    }

    private static byte[] retries(SimPinLock lock) {
        int pin = lock == null ? SimPinLock.PIN_ATTEMPTS : lock.pinRetries();
        int puk = lock == null ? SimPinLock.PUK_ATTEMPTS : lock.pukRetries();
        return new TlvWriter().tlv(RETRIES_TLV).u8(pin).u8(puk).toBytes();
    }
}
