package org.wwan4j.agent.mbim;

import java.util.List;
import org.wwan4j.agent.status.Nr5gSignal;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.mbim.CellInfoServingLte;
import org.wwan4j.mbim.DataClass;
import org.wwan4j.mbim.RsrpSnrInfo;

/**
 * MBIM's coded signal values in dBm/dB. RSSI (MBIM 1.0): 0..31 means -113 + 2x dBm, 99 unknown. RSRP and SNR
 * (MBIMEx 2.0 signal state): RSRP 0..126 means x - 157 dBm, SNR 0..127 means x / 2 - 23.5 dB, anything else
 * unknown; one entry per serving system, tagged with its data class. On 5G NSA there are two: LTE (the anchor,
 * which gives the main values) and 5G NSA (the NR leg). RSRQ is only in the serving LTE cell of base stations
 * info, in plain dB, 0xFFFFFFFF unknown; the NR leg's RSRQ needs MBIMEx 3.0 cell info, which is not read.
 */
final class MbimSignals {
    static final long RSSI_UNKNOWN = 99;
    private static final long RSSI_MAX = 31;
    private static final long RSRP_MAX = 126;
    private static final long SNR_MAX = 127;
    private static final int CELL_VALUE_UNKNOWN = 0xFFFFFFFF;

    private MbimSignals() {
    }

    /**
     * @param rsrpSnr MBIMEx 2.0 entries (empty under MBIM 1.0); the first one describes the serving RAT
     * @param lte     the serving LTE cell from base stations info, or null
     */
    static Signal of(long rssi, List<RsrpSnrInfo> rsrpSnr, CellInfoServingLte lte) {
        List<RsrpSnrInfo> entries = rsrpSnr == null ? List.of() : rsrpSnr;
        RsrpSnrInfo nr = entries.stream().filter(MbimSignals::isNr).findFirst().orElse(null);
        // The anchor: the LTE entry on NSA, else whatever comes first (the only one on LTE or 5G SA).
        RsrpSnrInfo anchor = entries.stream().filter(e -> !isNr(e)).findFirst()
                .orElse(entries.isEmpty() ? null : entries.getFirst());
        Nr5gSignal leg = nr == null ? null : new Nr5gSignal(rsrp(nr.rsrp()), null, snr(nr.snr()));
        return new Signal(rssi(rssi), lte == null || lte.rsrq() == CELL_VALUE_UNKNOWN ? null : lte.rsrq(),
                anchor == null ? null : rsrp(anchor.rsrp()), anchor == null ? null : snr(anchor.snr()), leg);
    }

    private static boolean isNr(RsrpSnrInfo entry) {
        return (entry.systemType() & (DataClass._5G_NSA.value() | DataClass._5G_SA.value())) != 0;
    }

    static Integer rssi(long coded) {
        return coded >= 0 && coded <= RSSI_MAX ? (int) (-113 + 2 * coded) : null;
    }

    static Integer rsrp(long coded) {
        return coded >= 0 && coded <= RSRP_MAX ? (int) (coded - 157) : null;
    }

    static Double snr(long coded) {
        return coded >= 0 && coded <= SNR_MAX ? coded / 2.0 - 23.5 : null;
    }

    /** True when the modem hears nothing at all: no point asking for the serving cell. */
    static boolean silent(long rssi) {
        return rssi(rssi) == null;
    }
}
