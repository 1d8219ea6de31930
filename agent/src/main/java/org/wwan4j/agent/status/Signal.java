package org.wwan4j.agent.status;

/**
 * Signal quality; null where the current RAT does not report a value. Units: dBm, dB, dBm, dB. The four values
 * describe the serving (anchor) RAT: LTE on 5G NSA, NR5G on 5G SA. {@code nr5g} holds the NR5G leg's own values
 * whenever the modem reports them (on NSA beside LTE's), else null.
 */
public record Signal(Integer rssi, Integer rsrq, Integer rsrp, Double snr, Nr5gSignal nr5g) {

    /** A signal without an NR5G leg. */
    public Signal(Integer rssi, Integer rsrq, Integer rsrp, Double snr) {
        this(rssi, rsrq, rsrp, snr, null);
    }
}
