package org.wwan4j.emulator.mbim.basicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.model.EmulatedCounters;
import org.wwan4j.emulator.model.ModemState;

/** MBIM_CID_PACKET_STATISTICS: the model's counters; "in" is what the host received (rx), "out" what it sent. */
public final class PacketStatistics implements MbimCidHandler {
    private final ModemState state;

    public PacketStatistics(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.PACKET_STATISTICS;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        EmulatedCounters counters = state.counters();
        return MbimReply.ok(new InformationBufferWriter()
                .u32((int) counters.rxDrops())
                .u32((int) counters.rxErrors())
                .u64(counters.rxBytes())
                .u64(counters.rxPackets())
                .u64(counters.txBytes())
                .u64(counters.txPackets())
                .u32((int) counters.txErrors())
                .u32((int) counters.txDrops())
                .toByteArray());
    }
}
