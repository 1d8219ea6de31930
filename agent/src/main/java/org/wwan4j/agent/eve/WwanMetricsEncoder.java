package org.wwan4j.agent.eve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wwan4j.agent.linux.ConfigMatcher;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Signal;

/**
 * The agent's status as EVE's {@code WwanMetrics}: one entry per modem present (managed or not). Unlike mmagent,
 * which gets only byte counts from ModemManager, packets and drops are filled in from the modem's own counters.
 */
final class WwanMetricsEncoder {

    /** EVE's value for a signal metric the modem does not report: int32's maximum. */
    static final int UNAVAILABLE_SIGNAL = 0x7FFFFFFF;

    private final PhysAddrsLookup phys;

    WwanMetricsEncoder(PhysAddrsLookup phys) {
        this.phys = phys;
    }

    Map<String, Object> encode(AgentStatus status, EveWwanConfig config) {
        List<Object> networks = new ArrayList<>();
        for (ModemStatus modem : status.modems()) {
            ModemInfo info = modem.info();
            if (info == null || info.device() == null || ConfigMatcher.MODEM_NOT_FOUND.equals(modem.configError())) {
                continue; // mmagent has metrics only for modems it sees
            }
            String iface = modem.name() == null ? null
                    : config.network(modem.name()).map(n -> n.physAddrs().iface()).orElse(null);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("LogicalLabel", modem.name() == null ? "" : modem.name());
            m.put("PhysAddrs", phys.of(info.device(), iface).json());
            m.put("PacketStats", packetStats(info.counters()));
            m.put("SignalInfo", signalInfo(info.signal()));
            networks.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Networks", GoJson.slice(networks));
        return m;
    }

    private static Map<String, Object> packetStats(Counters c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("RxBytes", count(c == null ? null : c.rxBytes()));
        m.put("RxPackets", count(c == null ? null : c.rxPackets()));
        m.put("RxDrops", count(c == null ? null : c.rxDrops()));
        m.put("TxBytes", count(c == null ? null : c.txBytes()));
        m.put("TxPackets", count(c == null ? null : c.txPackets()));
        m.put("TxDrops", count(c == null ? null : c.txDrops()));
        return m;
    }

    private static long count(Long value) {
        return value == null ? 0L : value;
    }

    /** SNR is a float in the agent; mmagent truncates ModemManager's float values to int32 the same way. */
    private static Map<String, Object> signalInfo(Signal s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("RSSI", s == null || s.rssi() == null ? UNAVAILABLE_SIGNAL : s.rssi());
        m.put("RSRQ", s == null || s.rsrq() == null ? UNAVAILABLE_SIGNAL : s.rsrq());
        m.put("RSRP", s == null || s.rsrp() == null ? UNAVAILABLE_SIGNAL : s.rsrp());
        m.put("SNR", s == null || s.snr() == null ? UNAVAILABLE_SIGNAL : (int) s.snr().doubleValue());
        return m;
    }
}
