package org.wwan4j.emulator.mbim.msbasicconnect;

import java.util.Optional;
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
import org.wwan4j.emulator.model.SimSlot;
import org.wwan4j.emulator.model.EmulatedSimType;

/**
 * MBIM_CID_MS_SLOT_INFO_STATUS: per slot, whether it is in use and holds a card. This is where an inactive slot
 * holding a card (OFF) differs from an empty one (OFF_EMPTY / EMPTY), the distinction ModemManager loses.
 */
public final class SlotInfoStatus implements MbimCidHandler {
    static final int OFF_EMPTY = 1;
    static final int OFF = 2;
    static final int EMPTY = 3;
    static final int ACTIVE = 5;
    static final int ACTIVE_ESIM = 7;

    private final ModemState state;

    public SlotInfoStatus(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.MS_BASIC_CONNECT_EXTENSIONS;
    }

    @Override
    public int cid() {
        return MsBasicConnectExtensionsCid.SLOT_INFO_STATUS;
    }

    @Override
    public MbimReply query(MbimCommand command) throws MbimParseException {
        int index = new InformationBufferReader(command.informationBuffer()).u32(0);
        Optional<SimSlot> slot = state.simSlots().stream()
                .filter(s -> SlotIndex.toMbim(s.number()) == index).findFirst();
        return slot.map(s -> MbimReply.ok(status(s)))
                .orElseGet(() -> MbimReply.failure(MbimStatus.INVALID_PARAMETERS));
    }

    /** The notification for one slot, same layout as the query response. */
    public static byte[] status(SimSlot slot) {
        return new InformationBufferWriter().u32(SlotIndex.toMbim(slot.number())).u32(stateCode(slot)).toByteArray();
    }

    static int stateCode(SimSlot slot) {
        if (!slot.active()) {
            return slot.cardPresent() ? OFF : OFF_EMPTY;
        }
        if (!slot.cardPresent()) {
            return EMPTY;
        }
        return slot.type() == EmulatedSimType.ESIM ? ACTIVE_ESIM : ACTIVE;
    }
}
