package org.wwan4j.emulator.mbim.msbasicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.basicconnect.ProvisionedContexts;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.Profile;

/**
 * MBIM_CID_MS_PROVISIONED_CONTEXT_V2 (query only): the stored profiles as MBIM_MS_CONTEXT_V2 structures, which
 * add the IP type, state, roaming control, media type and source to Basic Connect's context. A profile that
 * must not roam is "home only", any other "allow all"; every profile is enabled, cellular, from the modem.
 */
public final class ProvisionedContextsV2 implements MbimCidHandler {
    static final int STATE_ENABLED = 1;
    static final int ROAMING_HOME_ONLY = 0;
    static final int ROAMING_ALLOW_ALL = 6;
    static final int MEDIA_CELLULAR = 0;

    private final ModemState state;

    public ProvisionedContextsV2(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.MS_BASIC_CONNECT_EXTENSIONS;
    }

    @Override
    public int cid() {
        return MsBasicConnectExtensionsCid.PROVISIONED_CONTEXTS;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        InformationBufferWriter out = new InformationBufferWriter().u32(state.profiles().size());
        for (Profile p : state.profiles()) {
            out.structRef(new InformationBufferWriter()
                    .u32(p.index())
                    .uuid(ProvisionedContexts.contextType(p))
                    .u32(AttachContextCoding.ipType(p.ipType()))
                    .u32(STATE_ENABLED)
                    .u32(p.roamingAllowed() ? ROAMING_ALLOW_ALL : ROAMING_HOME_ONLY)
                    .u32(MEDIA_CELLULAR)
                    .u32(AttachContextCoding.SOURCE_MODEM)
                    .string(p.apn())
                    .string(p.username())
                    .string(null)
                    .u32(AttachContextCoding.COMPRESSION_NONE)
                    .u32(ProvisionedContexts.authProtocol(p.auth())));
        }
        return MbimReply.ok(out.toByteArray());
    }
}
