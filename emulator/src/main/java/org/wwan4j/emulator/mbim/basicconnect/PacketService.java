package org.wwan4j.emulator.mbim.basicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimNotificationSource;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.channel.MbimSession;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.EmulatedIdentity;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.EmulatedRat;

/**
 * MBIM_CID_PACKET_SERVICE: attach state with the speeds the modem offers. Detaching drops the bearer, as the
 * network tears down every PDN connection of a detached UE.
 */
public final class PacketService implements MbimNotificationSource {
    static final int ACTION_ATTACH = 0;
    static final int ACTION_DETACH = 1;
    static final int STATE_ATTACHED = 2;
    static final int STATE_DETACHED = 4;
    /** MBIMEx 2.0 FrequencyRange: only 5G has one (FR1, sub-6 GHz, for the emulated NR). */
    static final int FREQUENCY_RANGE_UNKNOWN = 0;
    static final int FREQUENCY_RANGE_1 = 1;

    private final ModemState state;
    private final PacketAttachment attachment;
    private final MbimSession session;
    private final Runnable notifyChange;

    /** @param notifyChange sends this CID's notification; a set changes state the neutral model does not hold */
    public PacketService(ModemState state, PacketAttachment attachment, MbimSession session, Runnable notifyChange) {
        this.state = state;
        this.attachment = attachment;
        this.session = session;
        this.notifyChange = notifyChange;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.PACKET_SERVICE;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        return MbimReply.ok(currentState());
    }

    @Override
    public MbimReply set(MbimCommand command) throws MbimParseException {
        int action = new InformationBufferReader(command.informationBuffer()).u32(0);
        if (action != ACTION_ATTACH && action != ACTION_DETACH) {
            return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
        }
        if (state.power() != PowerState.ONLINE) {
            return MbimReply.failure(MbimStatus.RADIO_POWER_OFF);
        }
        if (action == ACTION_ATTACH) {
            if (!state.registration().state().registered()) {
                return MbimReply.failure(MbimStatus.NOT_REGISTERED);
            }
            attachment.setDetachedByHost(false);
        } else {
            attachment.setDetachedByHost(true);
            state.disconnect();
        }
        notifyChange.run();
        return MbimReply.ok(currentState());
    }

    @Override
    public byte[] currentState() {
        boolean attached = attachment.attached();
        EmulatedIdentity identity = state.identity();
        InformationBufferWriter out = new InformationBufferWriter()
                .u32(0)
                .u32(attached ? STATE_ATTACHED : STATE_DETACHED)
                .u32(attached ? DataClass.highest(state.registration().rats()) : 0)
                .u64(attached ? identity.maxTxKbps() * 1000 : 0)
                .u64(attached ? identity.maxRxKbps() * 1000 : 0);
        if (session.mbimEx2()) {
            out.u32(attached && state.registration().rats().contains(EmulatedRat.NR5G) ? FREQUENCY_RANGE_1
                    : FREQUENCY_RANGE_UNKNOWN);
        }
        return out.toByteArray();
    }
}
