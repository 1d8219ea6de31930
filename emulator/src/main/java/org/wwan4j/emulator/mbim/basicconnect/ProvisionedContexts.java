package org.wwan4j.emulator.mbim.basicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.model.EmulatedAuth;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.Profile;

/**
 * MBIM_CID_PROVISIONED_CONTEXTS (query only): the modem's stored profiles as MBIM_CONTEXT structures, a count and
 * references. The emulated modem keeps one list of profiles for QMI and MBIM; the password is never given out,
 * as the QMI side does not either.
 */
public final class ProvisionedContexts implements MbimCidHandler {
    static final int COMPRESSION_NONE = 0;

    private final ModemState state;

    public ProvisionedContexts(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.PROVISIONED_CONTEXTS;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        InformationBufferWriter out = new InformationBufferWriter().u32(state.profiles().size());
        for (Profile p : state.profiles()) {
            out.structRef(new InformationBufferWriter()
                    .u32(p.index())
                    .uuid(contextType(p))
                    .string(p.apn())
                    .string(p.username())
                    .string(null)
                    .u32(COMPRESSION_NONE)
                    .u32(authProtocol(p.auth())));
        }
        return MbimReply.ok(out.toByteArray());
    }

    /** IMS and MMS profiles have their own context types; anything else is the internet context. */
    public static UUID contextType(Profile p) {
        if (p.purposes().contains(Profile.Purpose.IMS)) {
            return MbimServiceIds.CONTEXT_TYPE_IMS;
        }
        if (p.purposes().contains(Profile.Purpose.MMS)) {
            return MbimServiceIds.CONTEXT_TYPE_MMS;
        }
        return MbimServiceIds.CONTEXT_TYPE_INTERNET;
    }

    /** MBIM_AUTH_PROTOCOL: none 0, PAP 1, CHAP 2 (PAP-or-CHAP offers CHAP, the stronger). */
    public static int authProtocol(EmulatedAuth auth) {
        return switch (auth == null ? EmulatedAuth.NONE : auth) {
            case NONE -> 0;
            case PAP -> 1;
            case CHAP, PAP_OR_CHAP -> 2;
        };
    }
}
