package org.wwan4j.emulator.mbim.basicconnect;

/**
 * MBIM's coded signal values. RSSI (MBIM 1.0): 0..31 = (dBm + 113) / 2, 99 unknown. RSRP and SNR (MBIMEx 2.0):
 * RSRP 0..126 = dBm + 157, SNR 0..127 = (dB + 23.5) * 2, as libmbim decodes them.
 */
public final class SignalCoding {
    public static final int UNKNOWN = 99;

    private SignalCoding() {
    }

    public static int rssi(int dbm) {
        return Math.clamp((dbm + 113) / 2, 0, 31);
    }

    public static int rsrp(int dbm) {
        return Math.clamp(dbm + 157, 0, 126);
    }

    public static int snr(double db) {
        return (int) Math.clamp(Math.round((db + 23.5) * 2), 0, 127);
    }
}
