package org.wwan4j.emulator.mbim.codec;

/**
 * The MBIM control message types (MBIM 1.0, section 9.1). Host-to-function types have the top bit clear,
 * function-to-host types have it set.
 */
public enum MbimMessageType {
    OPEN(0x00000001),
    CLOSE(0x00000002),
    COMMAND(0x00000003),
    HOST_ERROR(0x00000004),
    OPEN_DONE(0x80000001),
    CLOSE_DONE(0x80000002),
    COMMAND_DONE(0x80000003),
    FUNCTION_ERROR(0x80000004),
    INDICATE_STATUS(0x80000007);

    private final int code;

    MbimMessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Only these three carry a fragment header and may be split across several transfers. */
    public boolean isFragmentable() {
        return this == COMMAND || this == COMMAND_DONE || this == INDICATE_STATUS;
    }

    /** Returns the type for a wire value, or {@code null} when the value is not an MBIM message type. */
    public static MbimMessageType fromCode(int code) {
        for (MbimMessageType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
