package org.wwan4j.emulator.mbim.msbasicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.channel.MbimSession;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;

/**
 * MBIM_CID_MS_VERSION (MBIMEx 2.0): the host offers its MBIM and extensions versions, the function answers with
 * its own; both then use the lower extensions version. This emulator goes up to MBIMEx 2.0, whose layouts add
 * RSRP/SNR to Signal State (the only way an MBIM host gets them) and one field each to Register State and Packet
 * Service.
 */
public final class Version implements MbimCidHandler {
    static final int MBIM_VERSION_1_0 = 0x0100;

    private final MbimSession session;

    public Version(MbimSession session) {
        this.session = session;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.MS_BASIC_CONNECT_EXTENSIONS;
    }

    @Override
    public int cid() {
        return MsBasicConnectExtensionsCid.VERSION;
    }

    @Override
    public MbimReply query(MbimCommand command) throws MbimParseException {
        InformationBufferReader request = new InformationBufferReader(command.informationBuffer());
        request.u16(0); // the host's MBIM version: 1.0 is the only one there is
        int agreed = session.negotiate(request.u16(2));
        return MbimReply.ok(new InformationBufferWriter().u16(MBIM_VERSION_1_0).u16(agreed).toByteArray());
    }
}
