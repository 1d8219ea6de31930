package org.wwan4j.emulator.mbim.basicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.model.EmulatedIdentity;
import org.wwan4j.emulator.model.ModemState;

/** MBIM_CID_DEVICE_CAPS: what kind of modem this is, from the identity in the state model. */
public final class DeviceCaps implements MbimCidHandler {
    static final int DEVICE_TYPE_EMBEDDED = 1;
    static final int CELLULAR_CLASS_GSM = 1;
    static final int VOICE_CLASS_NO_VOICE = 1;
    static final int SIM_CLASS_REMOVABLE = 2;
    static final int SMS_CAPS_NONE = 0;
    static final int CTRL_CAPS_ESIM = 1 << 5;
    /** One data session: the neutral model has one bearer. */
    static final int MAX_SESSIONS = 1;

    private final ModemState state;

    public DeviceCaps(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.DEVICE_CAPS;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        EmulatedIdentity identity = state.identity();
        return MbimReply.ok(new InformationBufferWriter()
                .u32(DEVICE_TYPE_EMBEDDED)
                .u32(CELLULAR_CLASS_GSM)
                .u32(VOICE_CLASS_NO_VOICE)
                .u32(SIM_CLASS_REMOVABLE)
                .u32(DataClass.of(identity.supportedRats()))
                .u32(SMS_CAPS_NONE)
                .u32(CTRL_CAPS_ESIM) // no manual registration: see RegisterState
                .u32(MAX_SESSIONS)
                .string("")
                .string(identity.imei())
                .string(identity.revision())
                .string(identity.hardwareRevision())
                .toByteArray());
    }
}
