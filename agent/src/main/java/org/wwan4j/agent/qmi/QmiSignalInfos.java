package org.wwan4j.agent.qmi;

import org.wwan4j.agent.status.Signal;
import org.wwan4j.qmi.ClientNas;

/**
 * NAS Signal Info (response and indication) to the neutral {@link Signal}: LTE first (all four values), then 5G
 * (RSRP, SNR), then WCDMA and GSM (RSSI only). QMI gives SNR in tenths of a dB.
 */
final class QmiSignalInfos {

    private static final double SNR_UNITS_PER_DB = 10.0;

    private QmiSignalInfos() {
    }

    static Signal of(ClientNas.GetSignalInfoOutput out) {
        var lte = out.lteSignalStrength();
        if (lte != null) {
            return new Signal(lte.rssi(), lte.rsrq(), lte.rsrp(), snr(lte.snr()));
        }
        var nr = out._5gSignalStrength();
        if (nr != null) {
            return new Signal(null, null, nr.rsrp(), snr(nr.snr()));
        }
        var wcdma = out.wcdmaSignalStrength();
        if (wcdma != null) {
            return new Signal(wcdma.rssi(), null, null, null);
        }
        return new Signal(out.gsmSignalStrength(), null, null, null);
    }

    static Signal of(ClientNas.SignalInfoIndication ind) {
        var lte = ind.lteSignalStrength();
        if (lte != null) {
            return new Signal(lte.rssi(), lte.rsrq(), lte.rsrp(), snr(lte.snr()));
        }
        var nr = ind._5gSignalStrength();
        if (nr != null) {
            return new Signal(null, null, nr.rsrp(), snr(nr.snr()));
        }
        var wcdma = ind.wcdmaSignalStrength();
        if (wcdma != null) {
            return new Signal(wcdma.rssi(), null, null, null);
        }
        return new Signal(ind.gsmSignalStrength(), null, null, null);
    }

    private static Double snr(Integer tenths) {
        return tenths == null ? null : tenths / SNR_UNITS_PER_DB;
    }
}
