package org.wwan4j.emulator.mbim.basicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.ModemState;

/**
 * MBIM_CID_PIN query: the neutral model has no PIN lock, so a present card reports PIN1 unlocked with the usual
 * three attempts left, and no card is MBIM_STATUS_SIM_NOT_INSERTED. PIN operations (set) are not emulated.
 */
public final class Pin implements MbimCidHandler {
    static final int PIN_TYPE_PIN1 = 2;
    static final int PIN_STATE_UNLOCKED = 0;
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
        return MbimReply.ok(new InformationBufferWriter()
                .u32(PIN_TYPE_PIN1)
                .u32(PIN_STATE_UNLOCKED)
                .u32(REMAINING_ATTEMPTS)
                .toByteArray());
    }
}
