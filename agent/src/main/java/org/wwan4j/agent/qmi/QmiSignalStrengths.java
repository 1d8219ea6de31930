package org.wwan4j.agent.qmi;

import org.wwan4j.agent.status.Signal;
import org.wwan4j.qmi.ClientNas;

/**
 * The older signal messages to the neutral {@link Signal}: the NAS Get Signal Strength response and the NAS Event
 * Report indication. Both give the current RAT's strength in dBm (RSSI), RSRQ, and LTE's SNR (tenths of a dB) and
 * RSRP, each as its own TLV. The Event Report's RSSI TLV is unsigned: it carries the value without its minus sign.
 */
final class QmiSignalStrengths {

    private static final double SNR_UNITS_PER_DB = 10.0;

    private QmiSignalStrengths() {
    }

    static Signal of(ClientNas.GetSignalStrengthOutput out) {
        Integer rssi = out.signalStrength() == null ? null : out.signalStrength().strength();
        Integer rsrq = out.rsrq() == null ? null : out.rsrq().rsrq();
        return new Signal(rssi, rsrq, out.lteRsrp(), snr(out.lteSnr()));
    }

    /**
     * An Event Report carries only what changed by more than the thresholds set: what it leaves out keeps its value
     * from {@code previous}, so each event still carries the whole signal.
     */
    static Signal merge(Signal previous, ClientNas.EventReportIndication ind) {
        Signal base = previous == null ? new Signal(null, null, null, null) : previous;
        Integer rssi = base.rssi();
        if (ind.rssi() != null && ind.rssi().rssi() != null) {
            rssi = -ind.rssi().rssi();
        } else if (ind.signalStrength() != null && ind.signalStrength().strength() != null) {
            rssi = ind.signalStrength().strength();
        }
        Integer rsrq = ind.rsrq() == null || ind.rsrq().rsrq() == null ? base.rsrq() : ind.rsrq().rsrq();
        Integer rsrp = ind.lteRsrp() == null ? base.rsrp() : ind.lteRsrp();
        Double snr = ind.lteSnr() == null ? base.snr() : snr(ind.lteSnr());
        return new Signal(rssi, rsrq, rsrp, snr);
    }

    /** Whether the indication carries any signal value (an Event Report may carry only band or reject info). */
    static boolean hasSignal(ClientNas.EventReportIndication ind) {
        return ind.rssi() != null || ind.signalStrength() != null || ind.rsrq() != null || ind.lteRsrp() != null
                || ind.lteSnr() != null;
    }

    private static Double snr(Integer tenths) {
        return tenths == null ? null : tenths / SNR_UNITS_PER_DB;
    }
}
