package org.wwan4j.agent.mbim;

import org.wwan4j.agent.status.Counters;
import org.wwan4j.mbim.BasicConnect;

/**
 * Packet statistics: "in" is what the host received (rx), "out" what it sent (tx). MBIM counts discards and
 * errors apart; discards are the status's drops. Every counter is there, so none is null.
 */
final class MbimCounters {

    private MbimCounters() {
    }

    static Counters of(BasicConnect.PacketStatisticsResponse stats) {
        return new Counters(stats.outOctets(), stats.inOctets(), stats.outPackets(), stats.inPackets(),
                stats.outDiscards(), stats.inDiscards(), stats.outErrors(), stats.inErrors());
    }
}
