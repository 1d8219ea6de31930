package org.wwan4j.emulator.mbim.msbasicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimNotificationSource;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.model.EmulatedAttachContext;
import org.wwan4j.emulator.model.EmulatedRat;
import org.wwan4j.emulator.model.EmulatedRegistration;
import org.wwan4j.emulator.model.ModemDefaults;
import org.wwan4j.emulator.model.ModemState;

/**
 * MBIM_CID_MS_LTE_ATTACH_INFO (libmbim's "LTE attach info", the spec's LTE attach status): whether the modem is
 * attached to LTE, and with which initial EPS bearer. An empty configured APN means the network chose one; the
 * emulated network then gives its default APN. The password is never echoed back.
 */
public final class LteAttachInfo implements MbimNotificationSource {
    static final int DETACHED = 0;
    static final int ATTACHED = 1;

    private final ModemState state;

    public LteAttachInfo(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.MS_BASIC_CONNECT_EXTENSIONS;
    }

    @Override
    public int cid() {
        return MsBasicConnectExtensionsCid.LTE_ATTACH_INFO;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        return MbimReply.ok(currentState());
    }

    @Override
    public byte[] currentState() {
        EmulatedRegistration registration = state.registration();
        boolean attached = registration.state().registered() && registration.rats().contains(EmulatedRat.LTE);
        InformationBufferWriter out = new InformationBufferWriter().u32(attached ? ATTACHED : DETACHED);
        if (!attached) {
            return out.u32(AttachContextCoding.IP_TYPE_DEFAULT).string("").string("").string("")
                    .u32(AttachContextCoding.COMPRESSION_NONE).u32(AttachContextCoding.AUTH_NONE).toByteArray();
        }
        EmulatedAttachContext context = state.currentAttachContext();
        String apn = context.apn().isEmpty() ? ModemDefaults.accessPoints().getFirst().apn() : context.apn();
        return out.u32(AttachContextCoding.ipType(context.ipType()))
                .string(apn)
                .string(context.username())
                .string("")
                .u32(AttachContextCoding.COMPRESSION_NONE)
                .u32(AttachContextCoding.auth(context.auth()))
                .toByteArray();
    }
}
