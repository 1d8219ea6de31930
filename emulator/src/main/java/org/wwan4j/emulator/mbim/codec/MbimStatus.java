package org.wwan4j.emulator.mbim.codec;

/** MBIM_STATUS codes carried by COMMAND_DONE and OPEN_DONE/CLOSE_DONE (the subset this emulator answers with). */
public final class MbimStatus {
    public static final int NONE = 0;
    public static final int BUSY = 1;
    public static final int FAILURE = 2;
    public static final int SIM_NOT_INSERTED = 3;
    public static final int BAD_SIM = 4;
    public static final int PIN_REQUIRED = 5;
    public static final int NOT_REGISTERED = 7;
    public static final int NO_DEVICE_SUPPORT = 9;
    public static final int PACKET_SERVICE_DETACHED = 12;
    public static final int MAX_ACTIVATED_CONTEXTS = 13;
    public static final int NOT_INITIALIZED = 14;
    public static final int CONTEXT_NOT_ACTIVATED = 16;
    public static final int INVALID_ACCESS_STRING = 18;
    public static final int INVALID_USER_NAME_PWD = 19;
    public static final int RADIO_POWER_OFF = 20;
    public static final int INVALID_PARAMETERS = 21;
    public static final int OPERATION_NOT_ALLOWED = 28;

    private MbimStatus() {
    }
}
