package org.wwan4j.emulator.mbim.basicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimNotificationSource;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.PowerState;

/**
 * MBIM_CID_RADIO_STATE: the software radio switch is the model's power (on = online, off = low power); the
 * emulated hardware switch is always on. An FCC-locked modem refuses on with OperationNotAllowed.
 */
public final class RadioState implements MbimNotificationSource {
    static final int OFF = 0;
    static final int ON = 1;

    private final ModemState state;

    public RadioState(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.RADIO_STATE;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        return MbimReply.ok(currentState());
    }

    @Override
    public MbimReply set(MbimCommand command) throws MbimParseException {
        int wanted = new InformationBufferReader(command.informationBuffer()).u32(0);
        if (wanted != ON && wanted != OFF) {
            return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
        }
        if (wanted == ON && state.fccLocked()) {
            // How locked modems refuse; ModemManager reads OperationNotAllowed as "FCC-unlock, then retry".
            return MbimReply.failure(MbimStatus.OPERATION_NOT_ALLOWED);
        }
        state.setPower(wanted == ON ? PowerState.ONLINE : PowerState.LOW_POWER);
        return MbimReply.ok(currentState());
    }

    @Override
    public byte[] currentState() {
        return new InformationBufferWriter()
                .u32(ON)
                .u32(state.power() == PowerState.ONLINE ? ON : OFF)
                .toByteArray();
    }
}
