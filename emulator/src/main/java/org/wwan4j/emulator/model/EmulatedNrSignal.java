package org.wwan4j.emulator.model;

/**
 * The NR5G leg of a 5G NSA (EN-DC) connection, measured beside the LTE anchor's {@link EmulatedSignal}: RSRP in dBm,
 * RSRQ and SNR in dB. NR has no RSSI that modems report.
 */
public record EmulatedNrSignal(int rsrp, int rsrq, double snr) {
}
