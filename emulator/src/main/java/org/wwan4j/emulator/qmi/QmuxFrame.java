package org.wwan4j.emulator.qmi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One QMUX frame: marker 0x01, the QMUX header (length without the marker, flags, service, client id), then the QMI
 * header (CTL: flags, 8-bit transaction; other services: flags, 16-bit transaction), message id, TLV length, TLVs.
 * All multi-byte fields are little-endian.
 */
public record QmuxFrame(int service, int clientId, int qmiFlags, int transaction, int messageId, byte[] tlvs) {

    public static final int MARKER = 0x01;
    /** QMUX header: length (2), flags (1), service (1), client (1). */
    public static final int QMUX_HEADER_BYTES = 5;
    public static final int CTL_HEADER_BYTES = 6;
    public static final int SERVICE_HEADER_BYTES = 7;
    /** QMUX flag set on everything the modem sends. */
    public static final int QMUX_FLAG_FROM_SERVICE = 0x80;
    public static final int CTL_FLAG_RESPONSE = 0x01;
    public static final int CTL_FLAG_INDICATION = 0x02;
    public static final int SERVICE_FLAG_RESPONSE = 0x02;
    public static final int SERVICE_FLAG_INDICATION = 0x04;
    /** Client id of an indication meant for every client of the service. */
    public static final int BROADCAST_CLIENT = 0xFF;

    public boolean isControl() {
        return service == QmiServiceId.CTL;
    }

    /** The answer to this request, carrying {@code responseTlvs}. */
    public QmuxFrame response(byte[] responseTlvs) {
        return new QmuxFrame(service, clientId, isControl() ? CTL_FLAG_RESPONSE : SERVICE_FLAG_RESPONSE, transaction,
                messageId, responseTlvs);
    }

    public static QmuxFrame indication(int service, int clientId, int messageId, byte[] tlvs) {
        int flags = service == QmiServiceId.CTL ? CTL_FLAG_INDICATION : SERVICE_FLAG_INDICATION;
        return new QmuxFrame(service, clientId, flags, 0, messageId, tlvs);
    }

    public byte[] encode() {
        int header = isControl() ? CTL_HEADER_BYTES : SERVICE_HEADER_BYTES;
        int qmuxLength = QMUX_HEADER_BYTES + header + tlvs.length;
        ByteBuffer out = ByteBuffer.allocate(1 + qmuxLength).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) MARKER);
        out.putShort((short) qmuxLength);
        out.put((byte) QMUX_FLAG_FROM_SERVICE);
        out.put((byte) service);
        out.put((byte) clientId);
        out.put((byte) qmiFlags);
        if (isControl()) {
            out.put((byte) transaction);
        } else {
            out.putShort((short) transaction);
        }
        out.putShort((short) messageId);
        out.putShort((short) tlvs.length);
        out.put(tlvs);
        return out.array();
    }
}
