package org.wwan4j.emulator.mbim.channel;

/**
 * Where the control channel puts messages for the host; each call is one whole message, which is one transfer or,
 * when longer than the host's maximum transfer, all its fragments back to back.
 */
public interface MbimOutput {

    /** OPEN_DONE, CLOSE_DONE, COMMAND_DONE and FUNCTION_ERROR transfers. */
    void response(byte[] transfer);

    /** INDICATE_STATUS transfers, which a fault may drop. */
    void indication(byte[] transfer);
}
