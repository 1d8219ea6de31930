package org.wwan4j.emulator.mbim.codec;

import java.util.Arrays;
import java.util.UUID;

/** A complete (reassembled) COMMAND from the host: which service and CID, query or set, and its information buffer. */
public record MbimCommand(int transactionId, UUID service, int cid, int commandType, byte[] informationBuffer) {
    public static final int QUERY = 0;
    public static final int SET = 1;

    public boolean isSet() {
        return commandType == SET;
    }

    public boolean isQuery() {
        return commandType == QUERY;
    }

    /**
     * Decodes a single-fragment COMMAND. Throws with MBIM_PROTOCOL_ERROR_LENGTH_MISMATCH when the header is cut
     * short or the information buffer length points past the end of the message.
     */
    public static MbimCommand parse(MbimFrame frame) throws MbimParseException {
        byte[] bytes = frame.bytes();
        if (bytes.length < MbimMessages.COMMAND_HEADER_LENGTH) {
            throw new MbimParseException(MbimProtocolError.LENGTH_MISMATCH,
                    "COMMAND of " + bytes.length + " bytes is shorter than its header");
        }
        long bufferLength = Integer.toUnsignedLong(frame.u32(44));
        if (MbimMessages.COMMAND_HEADER_LENGTH + bufferLength != bytes.length) {
            throw new MbimParseException(MbimProtocolError.LENGTH_MISMATCH,
                    "COMMAND information buffer length " + bufferLength + " does not match message length "
                            + bytes.length);
        }
        UUID service = MbimServiceIds.read(bytes, 20);
        byte[] buffer = Arrays.copyOfRange(bytes, MbimMessages.COMMAND_HEADER_LENGTH, bytes.length);
        return new MbimCommand(frame.transactionId(), service, frame.u32(36), frame.u32(40), buffer);
    }
}
