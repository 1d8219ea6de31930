package org.wwan4j.emulator.mbim.basicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.SimPinLock;

/**
 * MBIM_CID_PIN: the query says which PIN the card waits for (PIN1 with its attempts left, PUK1 once those are used
 * up) or that it is unlocked; the set enters PIN1. A wrong PIN answers Failure, as modems do, with the PIN info that
 * says how many attempts are left. No card is SimNotInserted. Other PIN operations are not emulated.
 */
public final class Pin implements MbimCidHandler {
    static final int PIN_TYPE_PIN1 = 2;
    static final int PIN_TYPE_PUK1 = 11;
    static final int PIN_STATE_UNLOCKED = 0;
    static final int PIN_STATE_LOCKED = 1;
    static final int PIN_OPERATION_ENTER = 0;
    static final int REMAINING_ATTEMPTS = 3;

    private final ModemState state;

    public Pin(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.PIN;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        if (state.activeCard().isEmpty()) {
            return MbimReply.failure(MbimStatus.SIM_NOT_INSERTED);
        }
        return MbimReply.ok(pinInfo());
    }

    /** PinType, PinOperation, Pin (string), NewPin (string). */
    @Override
    public MbimReply set(MbimCommand command) throws MbimParseException {
        if (state.activeCard().isEmpty()) {
            return MbimReply.failure(MbimStatus.SIM_NOT_INSERTED);
        }
        InformationBufferReader in = new InformationBufferReader(command.informationBuffer());
        int type = in.u32(0);
        int operation = in.u32(4);
        if (type != PIN_TYPE_PIN1 || operation != PIN_OPERATION_ENTER) {
            return MbimReply.failure(MbimStatus.NO_DEVICE_SUPPORT);
        }
        String pin = in.string(8);
        return switch (state.enterPin(pin)) {
            case ACCEPTED -> MbimReply.ok(pinInfo());
            case REJECTED, BLOCKED -> MbimReply.failure(MbimStatus.FAILURE, pinInfo());
        };
    }

    private byte[] pinInfo() {
        SimPinLock lock = state.simPin();
        if (lock == null || lock.verified()) {
            return new InformationBufferWriter().u32(PIN_TYPE_PIN1).u32(PIN_STATE_UNLOCKED)
                    .u32(lock == null ? REMAINING_ATTEMPTS : lock.pinRetries()).toByteArray();
        }
        return lock.pukBlocked()
                ? new InformationBufferWriter().u32(PIN_TYPE_PUK1).u32(PIN_STATE_LOCKED).u32(lock.pukRetries())
                        .toByteArray()
                : new InformationBufferWriter().u32(PIN_TYPE_PIN1).u32(PIN_STATE_LOCKED).u32(lock.pinRetries())
                        .toByteArray();
    }
}
