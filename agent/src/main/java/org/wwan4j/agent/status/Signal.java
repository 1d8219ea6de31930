package org.wwan4j.agent.status;

/** Signal quality; null where the current RAT does not report a value. Units: dBm, dB, dBm, dB. */
public record Signal(Integer rssi, Integer rsrq, Integer rsrp, Double snr) {
}
