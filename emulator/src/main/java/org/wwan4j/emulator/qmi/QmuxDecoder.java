package org.wwan4j.emulator.qmi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the client's byte stream into QMUX frames. Bytes arrive in any split; garbage is skipped up to the next
 * plausible frame start, so noise never makes the emulator stop serving. A frame whose QMUX envelope is fine but whose
 * QMI header or TLV list is inconsistent is still returned, flagged malformed, so the service can answer
 * MalformedMessage to the right client and transaction.
 */
final class QmuxDecoder {

    /** Largest QMUX length accepted; anything claiming more is treated as noise, not waited for. */
    static final int MAX_QMUX_LENGTH = 8 * 1024;

    /** A frame cut from the stream; {@code malformed} when its QMI part did not add up. */
    record Decoded(QmuxFrame frame, boolean malformed) {
    }

    private byte[] pending = new byte[0];
    private long skippedBytes;

    void append(byte[] data, int length) {
        byte[] merged = Arrays.copyOf(pending, pending.length + length);
        System.arraycopy(data, 0, merged, pending.length, length);
        pending = merged;
    }

    /** Forgets a partial frame (the client that was writing it is gone). */
    void reset() {
        pending = new byte[0];
    }

    /** Bytes thrown away as noise so far. */
    long skippedBytes() {
        return skippedBytes;
    }

    /** Every complete frame now buffered; a partial one stays for the next call. */
    List<Decoded> drain() {
        List<Decoded> frames = new ArrayList<>();
        int start = 0;
        while (start < pending.length) {
            if ((pending[start] & 0xff) != QmuxFrame.MARKER) {
                start++;
                skippedBytes++;
                continue;
            }
            if (pending.length - start < 3) {
                break;
            }
            int qmuxLength = (pending[start + 1] & 0xff) | (pending[start + 2] & 0xff) << 8;
            if (qmuxLength < QmuxFrame.QMUX_HEADER_BYTES + QmuxFrame.CTL_HEADER_BYTES || qmuxLength > MAX_QMUX_LENGTH) {
                start++;
                skippedBytes++;
                continue;
            }
            if (pending.length - start < 1 + qmuxLength) {
                break;
            }
            frames.add(parse(ByteBuffer.wrap(pending, start + 1, qmuxLength).slice().order(ByteOrder.LITTLE_ENDIAN),
                    qmuxLength));
            start += 1 + qmuxLength;
        }
        pending = Arrays.copyOfRange(pending, start, pending.length);
        return frames;
    }

    private static Decoded parse(ByteBuffer in, int qmuxLength) {
        in.getShort();
        in.get(); // QMUX flags: clients send 0, nothing to check
        int service = in.get() & 0xff;
        int client = in.get() & 0xff;
        boolean control = service == QmiServiceId.CTL;
        int header = control ? QmuxFrame.CTL_HEADER_BYTES : QmuxFrame.SERVICE_HEADER_BYTES;
        if (qmuxLength < QmuxFrame.QMUX_HEADER_BYTES + header) {
            return new Decoded(new QmuxFrame(service, client, 0, 0, -1, new byte[0]), true);
        }
        int flags = in.get() & 0xff;
        int transaction = control ? in.get() & 0xff : in.getShort() & 0xffff;
        int message = in.getShort() & 0xffff;
        int tlvLength = in.getShort() & 0xffff;
        byte[] tlvs = new byte[in.remaining()];
        in.get(tlvs);
        QmuxFrame frame = new QmuxFrame(service, client, flags, transaction, message, tlvs);
        boolean malformed = tlvLength != tlvs.length || !Tlvs.wellFormed(tlvs);
        return new Decoded(frame, malformed);
    }
}
