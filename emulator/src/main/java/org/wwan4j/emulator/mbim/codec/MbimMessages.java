package org.wwan4j.emulator.mbim.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * Builders of complete (unfragmented) MBIM control messages. The function-side ones are what the emulator
 * sends; the host-side ones exist so tests can speak to the emulator without libmbim.
 */
public final class MbimMessages {
    /** Header + fragment header + service id + cid + (command type | status) + buffer length. */
    public static final int COMMAND_HEADER_LENGTH = 48;
    /** Header + fragment header + service id + cid + buffer length. */
    public static final int INDICATE_STATUS_HEADER_LENGTH = 44;

    private MbimMessages() {
    }

    public static byte[] open(int transactionId, int maxControlTransfer) {
        return header(MbimMessageType.OPEN, transactionId, 16).putInt(maxControlTransfer).array();
    }

    public static byte[] close(int transactionId) {
        return header(MbimMessageType.CLOSE, transactionId, 12).array();
    }

    public static byte[] openDone(int transactionId, int status) {
        return header(MbimMessageType.OPEN_DONE, transactionId, 16).putInt(status).array();
    }

    public static byte[] closeDone(int transactionId, int status) {
        return header(MbimMessageType.CLOSE_DONE, transactionId, 16).putInt(status).array();
    }

    public static byte[] functionError(int transactionId, int protocolError) {
        return header(MbimMessageType.FUNCTION_ERROR, transactionId, 16).putInt(protocolError).array();
    }

    public static byte[] hostError(int transactionId, int protocolError) {
        return header(MbimMessageType.HOST_ERROR, transactionId, 16).putInt(protocolError).array();
    }

    public static byte[] command(int transactionId, UUID service, int cid, int commandType, byte[] informationBuffer) {
        return serviceMessage(MbimMessageType.COMMAND, transactionId, service, cid, commandType, informationBuffer);
    }

    public static byte[] commandDone(int transactionId, UUID service, int cid, int status, byte[] informationBuffer) {
        return serviceMessage(MbimMessageType.COMMAND_DONE, transactionId, service, cid, status, informationBuffer);
    }

    /** Indications are unsolicited: MBIM sends them with transaction id 0. */
    public static byte[] indicateStatus(UUID service, int cid, byte[] informationBuffer) {
        ByteBuffer out = header(MbimMessageType.INDICATE_STATUS, 0,
                INDICATE_STATUS_HEADER_LENGTH + informationBuffer.length);
        out.putInt(1).putInt(0);
        putUuid(out, service);
        out.putInt(cid).putInt(informationBuffer.length).put(informationBuffer);
        return out.array();
    }

    private static byte[] serviceMessage(MbimMessageType type, int transactionId, UUID service, int cid,
                                         int commandTypeOrStatus, byte[] informationBuffer) {
        ByteBuffer out = header(type, transactionId, COMMAND_HEADER_LENGTH + informationBuffer.length);
        out.putInt(1).putInt(0);
        putUuid(out, service);
        out.putInt(cid).putInt(commandTypeOrStatus).putInt(informationBuffer.length).put(informationBuffer);
        return out.array();
    }

    private static void putUuid(ByteBuffer out, UUID uuid) {
        byte[] raw = new byte[16];
        MbimServiceIds.write(uuid, raw, 0);
        out.put(raw);
    }

    private static ByteBuffer header(MbimMessageType type, int transactionId, int length) {
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        return out.putInt(type.code()).putInt(length).putInt(transactionId);
    }
}
