package org.wwan4j.emulator.mbim.codec;

/**
 * Input that cannot be decoded. Carries the MBIM answer it deserves: either an MBIM_PROTOCOL_ERROR for a
 * FUNCTION_ERROR (framing problems) or an MBIM_STATUS for a COMMAND_DONE (a bad information buffer).
 */
public final class MbimParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;

    public MbimParseException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The MBIM_PROTOCOL_ERROR or MBIM_STATUS value to answer with, depending on where it was thrown. */
    public int code() {
        return code;
    }
}
