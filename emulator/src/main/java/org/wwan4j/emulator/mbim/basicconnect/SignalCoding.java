package org.wwan4j.emulator.mbim.basicconnect;

/** MBIM reports RSSI as a 0..31 step value, (dBm + 113) / 2, with 99 for "unknown" (MBIM 1.0, 10.5.11). */
public final class SignalCoding {
    public static final int UNKNOWN = 99;

    private SignalCoding() {
    }

    public static int rssi(int dbm) {
        return Math.clamp((dbm + 113) / 2, 0, 31);
    }
}
