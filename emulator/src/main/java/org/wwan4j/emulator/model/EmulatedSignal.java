package org.wwan4j.emulator.model;

/** Radio quality in dBm / dB, LTE-style. */
public record EmulatedSignal(int rssi, int rsrq, int rsrp, double snr) {
}
