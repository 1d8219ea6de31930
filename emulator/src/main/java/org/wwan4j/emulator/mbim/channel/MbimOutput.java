package org.wwan4j.emulator.mbim.channel;

/** Where the control channel puts transfers for the host; each call is one transfer (one fragment). */
public interface MbimOutput {

    /** OPEN_DONE, CLOSE_DONE, COMMAND_DONE and FUNCTION_ERROR transfers. */
    void response(byte[] transfer);

    /** INDICATE_STATUS transfers, which a fault may drop. */
    void indication(byte[] transfer);
}
