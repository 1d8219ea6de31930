package org.wwan4j.emulator.mbim.msbasicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.model.ModemState;

/**
 * MBIM_CID_MS_SYS_CAPS: one executor (one modem stack) over all the model's slots, one slot usable at a time.
 * The modem id is the IMEI read as a number, stable for the life of the emulated device.
 */
public final class SysCaps implements MbimCidHandler {
    static final int EXECUTORS = 1;
    static final int CONCURRENCY = 1;

    private final ModemState state;

    public SysCaps(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.MS_BASIC_CONNECT_EXTENSIONS;
    }

    @Override
    public int cid() {
        return MsBasicConnectExtensionsCid.SYS_CAPS;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        return MbimReply.ok(new InformationBufferWriter()
                .u32(EXECUTORS)
                .u32(state.simSlots().size())
                .u32(CONCURRENCY)
                .u64(modemId(state.identity().imei()))
                .toByteArray());
    }

    static long modemId(String imei) {
        try {
            return Long.parseLong(imei);
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
