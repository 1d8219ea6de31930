package org.wwan4j.emulator.mbim.codec;

/** MBIM_PROTOCOL_ERROR codes carried by FUNCTION_ERROR (function to host) and HOST_ERROR (host to function). */
public final class MbimProtocolError {
    public static final int TIMEOUT_FRAGMENT = 1;
    public static final int FRAGMENT_OUT_OF_SEQUENCE = 2;
    public static final int LENGTH_MISMATCH = 3;
    public static final int DUPLICATED_TID = 4;
    public static final int NOT_OPENED = 5;
    public static final int UNKNOWN = 6;
    public static final int CANCEL = 7;
    public static final int MAX_TRANSFER = 8;

    private MbimProtocolError() {
    }
}
