package org.wwan4j.emulator.qmi;

/** QMI protocol error codes (QmiProtocolError in libqmi) the emulator answers with. */
public final class QmiError {

    public static final int NONE = 0;
    public static final int MALFORMED_MESSAGE = 1;
    public static final int INTERNAL = 3;
    public static final int CLIENT_IDS_EXHAUSTED = 5;
    public static final int INVALID_CLIENT_ID = 7;
    public static final int INVALID_PROFILE = 10;
    public static final int NO_NETWORK_FOUND = 13;
    public static final int CALL_FAILED = 14;
    public static final int OUT_OF_CALL = 15;
    public static final int MISSING_ARGUMENT = 17;
    public static final int ARGUMENT_TOO_LONG = 19;
    public static final int NO_EFFECT = 26;
    public static final int INVALID_PROFILE_TYPE = 30;
    public static final int INVALID_SERVICE_TYPE = 31;
    public static final int AUTHENTICATION_FAILED = 34;
    public static final int UIM_UNINITIALIZED = 37;
    public static final int DEVICE_NOT_READY = 52;
    public static final int INVALID_ARGUMENT = 48;
    public static final int NOT_SUPPORTED = 94;
    public static final int INVALID_QMI_COMMAND = 71;
    public static final int INFORMATION_UNAVAILABLE = 74;
    public static final int NO_RADIO = 93;
    public static final int SIM_FILE_NOT_FOUND = 80;

    private QmiError() {
    }
}
