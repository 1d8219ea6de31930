package org.wwan4j.agent.status;

/**
 * The NR5G leg's signal quality: on 5G NSA (EN-DC) beside the LTE anchor's values of {@link Signal}, on 5G SA the
 * only leg. Null where the modem does not report a value. Units: dBm, dB, dB.
 */
public record Nr5gSignal(Integer rsrp, Integer rsrq, Double snr) {
}
