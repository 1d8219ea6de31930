package org.wwan4j.emulator.mbim.channel;

/** What a CID answers: an MBIM_STATUS and the information buffer of the COMMAND_DONE (empty on failures). */
public record MbimReply(int status, byte[] informationBuffer) {
    private static final byte[] EMPTY = new byte[0];

    public static MbimReply ok(byte[] informationBuffer) {
        return new MbimReply(0, informationBuffer);
    }

    public static MbimReply failure(int status) {
        return new MbimReply(status, EMPTY);
    }

    /** A failure that still carries fields the host may read, e.g. the NwError of a refused Connect. */
    public static MbimReply failure(int status, byte[] informationBuffer) {
        return new MbimReply(status, informationBuffer);
    }
}
