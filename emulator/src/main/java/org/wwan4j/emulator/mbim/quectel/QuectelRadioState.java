package org.wwan4j.emulator.mbim.quectel;

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
import org.wwan4j.emulator.model.PowerState;

/**
 * Quectel's radio state (libmbim's MBIM_CID_QUECTEL_RADIO_STATE): the query says off, on or FCC-locked; setting it on
 * is the FCC unlock Quectel modems sold by Lenovo take (ModemManager's dispatcher script sends exactly that), and
 * turns the radio on.
 */
public final class QuectelRadioState implements MbimCidHandler {
    static final int CID_RADIO_STATE = 1;
    static final int OFF = 0;
    static final int ON = 1;
    static final int FCC_LOCKED = 4;

    private final ModemState state;

    public QuectelRadioState(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.QUECTEL;
    }

    @Override
    public int cid() {
        return CID_RADIO_STATE;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        return MbimReply.ok(current());
    }

    @Override
    public MbimReply set(MbimCommand command) throws MbimParseException {
        int wanted = new InformationBufferReader(command.informationBuffer()).u32(0);
        if (wanted != ON && wanted != OFF) {
            return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
        }
        if (wanted == ON) {
            state.fccUnlock();
        }
        state.setPower(wanted == ON ? PowerState.ONLINE : PowerState.LOW_POWER);
        return MbimReply.ok(current());
    }

    private byte[] current() {
        int radio = state.fccLocked() ? FCC_LOCKED : state.power() == PowerState.ONLINE ? ON : OFF;
        return new InformationBufferWriter().u32(radio).toByteArray();
    }
}
