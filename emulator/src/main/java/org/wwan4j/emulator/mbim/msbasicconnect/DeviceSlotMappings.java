package org.wwan4j.emulator.mbim.msbasicconnect;

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

/**
 * MBIM_CID_MS_DEVICE_SLOT_MAPPINGS: which slot the single executor uses. Setting it switches the model's active
 * slot (dropping any bearer, as a real slot switch does). The map is a count and references to 4-byte slot
 * structures.
 */
public final class DeviceSlotMappings implements MbimCidHandler {
    private final ModemState state;

    public DeviceSlotMappings(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.MS_BASIC_CONNECT_EXTENSIONS;
    }

    @Override
    public int cid() {
        return MsBasicConnectExtensionsCid.DEVICE_SLOT_MAPPINGS;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        return MbimReply.ok(currentMap());
    }

    @Override
    public MbimReply set(MbimCommand command) throws MbimParseException {
        InformationBufferReader request = new InformationBufferReader(command.informationBuffer());
        int count = request.u32(0);
        if (count != SysCaps.EXECUTORS) {
            return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
        }
        int slotStart = request.u32(4);
        int index = request.u32(slotStart);
        if (index < 0 || !state.switchSlot(SlotIndex.toModel(index))) {
            return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
        }
        return MbimReply.ok(currentMap());
    }

    private byte[] currentMap() {
        int active = state.activeSlot().map(SimSlot::number).map(SlotIndex::toMbim).orElse(0);
        return new InformationBufferWriter()
                .u32(SysCaps.EXECUTORS)
                .structRef(new InformationBufferWriter().u32(active))
                .toByteArray();
    }
}
