package org.wwan4j.agent.qmi;

import org.wwan4j.agent.status.Nr5gSignal;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.qmi.ClientNas;

/**
 * NAS Signal Info (response and indication) to the neutral {@link Signal}: LTE first (all four values), then 5G
 * (RSRP, SNR, and RSRQ from the "extended" TLV), then WCDMA and GSM (RSSI only). The 5G TLVs also fill the NR5G leg,
 * so on 5G NSA, where the modem reports LTE and 5G together, neither is dropped. QMI gives SNR in tenths of a dB.
 */
final class QmiSignalInfos {

    private static final double SNR_UNITS_PER_DB = 10.0;

    private QmiSignalInfos() {
    }

    static Signal of(ClientNas.GetSignalInfoOutput out) {
        var nr = out._5gSignalStrength();
        Nr5gSignal leg = nr5g(nr == null ? null : nr.rsrp(), nr == null ? null : nr.snr(),
                out._5gSignalStrengthExtended());
        var lte = out.lteSignalStrength();
        if (lte != null) {
            return new Signal(lte.rssi(), lte.rsrq(), lte.rsrp(), snr(lte.snr()), leg);
        }
        if (leg != null) {
            return new Signal(null, leg.rsrq(), leg.rsrp(), leg.snr(), leg);
        }
        var wcdma = out.wcdmaSignalStrength();
        if (wcdma != null) {
            return new Signal(wcdma.rssi(), null, null, null);
        }
        return new Signal(out.gsmSignalStrength(), null, null, null);
    }

    static Signal of(ClientNas.SignalInfoIndication ind) {
        var nr = ind._5gSignalStrength();
        Nr5gSignal leg = nr5g(nr == null ? null : nr.rsrp(), nr == null ? null : nr.snr(),
                ind._5gSignalStrengthExtended());
        var lte = ind.lteSignalStrength();
        if (lte != null) {
            return new Signal(lte.rssi(), lte.rsrq(), lte.rsrp(), snr(lte.snr()), leg);
        }
        if (leg != null) {
            return new Signal(null, leg.rsrq(), leg.rsrp(), leg.snr(), leg);
        }
        var wcdma = ind.wcdmaSignalStrength();
        if (wcdma != null) {
            return new Signal(wcdma.rssi(), null, null, null);
        }
        return new Signal(ind.gsmSignalStrength(), null, null, null);
    }

    /** The NR5G leg from the 5G Signal Strength TLV (RSRP, SNR) and the extended one (RSRQ); null without both. */
    private static Nr5gSignal nr5g(Integer rsrp, Integer snrTenths, Integer rsrq) {
        if (rsrp == null && snrTenths == null && rsrq == null) {
            return null;
        }
        return new Nr5gSignal(rsrp, rsrq, snr(snrTenths));
    }

    private static Double snr(Integer tenths) {
        return tenths == null ? null : tenths / SNR_UNITS_PER_DB;
    }
}
