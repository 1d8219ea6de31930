package org.wwan4j.emulator.mbim.basicconnect;

import java.util.Optional;
import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimNotificationSource;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.SimSlot;

/**
 * MBIM_CID_SUBSCRIBER_READY_STATUS: the card in the active slot (IMSI, ICCID), that there is none, or that it waits
 * for its PIN (device locked).
 */
public final class SubscriberReadyStatus implements MbimNotificationSource {
    static final int READY_STATE_INITIALIZED = 1;
    static final int READY_STATE_SIM_NOT_INSERTED = 2;
    static final int READY_STATE_DEVICE_LOCKED = 6;
    static final int READY_INFO_NONE = 0;

    private final ModemState state;

    public SubscriberReadyStatus(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.SUBSCRIBER_READY_STATUS;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        return MbimReply.ok(currentState());
    }

    @Override
    public byte[] currentState() {
        Optional<SimSlot> card = state.activeCard();
        return new InformationBufferWriter()
                .u32(card.isEmpty() ? READY_STATE_SIM_NOT_INSERTED
                        : state.simLocked() ? READY_STATE_DEVICE_LOCKED : READY_STATE_INITIALIZED)
                .string(card.map(SimSlot::imsi).orElse(""))
                .string(card.map(SimSlot::iccid).orElse(""))
                .u32(READY_INFO_NONE)
                .u32(0) // no telephone numbers, so the string array that would follow is empty
                .toByteArray();
    }
}
