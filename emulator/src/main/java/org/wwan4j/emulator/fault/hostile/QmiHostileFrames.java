package org.wwan4j.emulator.fault.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.wwan4j.emulator.qmi.QmiServiceId;
import org.wwan4j.emulator.qmi.QmuxFrame;

/**
 * Bad QMUX frames. Offsets follow {@link QmuxFrame}: marker at 0, the QMUX length (everything after the marker,
 * 16 bits, so at most {@value #MAX_QMUX_LENGTH}) at 1, service at 4, client at 5, then the QMI header and TLVs.
 */
final class QmiHostileFrames implements HostileFrameFactory {

    /** The QMUX length field is 16 bits: no frame can say it is longer. */
    static final int MAX_QMUX_LENGTH = 0xFFFF;
    private static final int LENGTH_OFFSET = 1;
    /** How far past the real length a LENGTH_TOO_LONG frame claims to go (kept small so the next frames get eaten). */
    private static final int MAX_LENGTH_EXCESS = 2_048;
    private static final int MAX_GARBAGE_BYTES = 512;
    private static final int MAX_RANDOM_TLVS = 4;
    private static final int MAX_RANDOM_TLV_BYTES = 24;

    /** Indications clients subscribe to, per service: where a broadcast with damaged TLVs does the most harm. */
    private static final int[][] INDICATIONS = {
        {QmiServiceId.NAS, 0x0024}, {QmiServiceId.NAS, 0x0051}, {QmiServiceId.NAS, 0x004E},
        {QmiServiceId.WDS, 0x0022}, {QmiServiceId.DMS, 0x0001}, {QmiServiceId.UIM, 0x0032},
        {QmiServiceId.UIM, 0x0048}, {QmiServiceId.LOC, 0x0024},
    };
    /** Services no QMI client of this project allocates. */
    private static final int FIRST_UNKNOWN_SERVICE = 0xE0;

    @Override
    public byte[] plausibleFrame(RandomGenerator random) {
        int[] indication = INDICATIONS[random.nextInt(INDICATIONS.length)];
        return QmuxFrame.indication(indication[0], QmuxFrame.BROADCAST_CLIENT, indication[1], randomTlvs(random))
                .encode();
    }

    @Override
    public byte[] build(HostileKind kind, RandomGenerator random, byte[] realFrame) {
        return switch (kind) {
            case TRUNCATED -> Arrays.copyOf(realFrame, 1 + random.nextInt(Math.max(1, realFrame.length - 1)));
            case LENGTH_TOO_SHORT -> withQmuxLength(realFrame, random.nextInt(Math.max(1, qmuxLength(realFrame))));
            case LENGTH_TOO_LONG -> withQmuxLength(realFrame, Math.min(MAX_QMUX_LENGTH,
                    qmuxLength(realFrame) + 1 + random.nextInt(MAX_LENGTH_EXCESS)));
            case OVERSIZED -> oversized(random);
            case BAD_MARKER -> badMarker(random, realFrame);
            case BAD_TLV_LENGTH -> badTlvLength(random);
            case UNKNOWN_SERVICE -> unknownService(random);
            case MUTATED_REAL -> FrameMutator.mutate(realFrame, random);
            case GARBAGE -> garbage(random);
        };
    }

    /** One TLV filling the frame to the maximum, one byte short or past it; past it the 16-bit length wraps. */
    private static byte[] oversized(RandomGenerator random) {
        int qmuxLength = switch (random.nextInt(4)) {
            case 0 -> MAX_QMUX_LENGTH;
            case 1 -> MAX_QMUX_LENGTH - 1;
            case 2 -> MAX_QMUX_LENGTH + 1 + random.nextInt(64);
            default -> MAX_QMUX_LENGTH + 1 + random.nextInt(MAX_QMUX_LENGTH);
        };
        int tlvArea = qmuxLength - QmuxFrame.QMUX_HEADER_BYTES - QmuxFrame.SERVICE_HEADER_BYTES;
        byte[] value = new byte[tlvArea - 3];
        random.nextBytes(value);
        ByteBuffer tlvs = ByteBuffer.allocate(tlvArea).order(ByteOrder.LITTLE_ENDIAN);
        tlvs.put((byte) 0x10).putShort((short) value.length).put(value);
        int[] indication = INDICATIONS[random.nextInt(INDICATIONS.length)];
        byte[] frame = new byte[1 + qmuxLength];
        byte[] header = QmuxFrame.indication(indication[0], QmuxFrame.BROADCAST_CLIENT, indication[1], new byte[0])
                .encode();
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(tlvs.array(), 0, frame, header.length, tlvArea);
        // Lengths beyond 16 bits cannot be said: the fields keep their low bits, as a broken firmware's would.
        putShort(frame, LENGTH_OFFSET, qmuxLength);
        putShort(frame, header.length - 2, tlvArea);
        return frame;
    }

    private byte[] badMarker(RandomGenerator random, byte[] realFrame) {
        byte[] frame = realFrame.clone();
        frame[0] = (byte) (QmuxFrame.MARKER + 1 + random.nextInt(255));
        return frame;
    }

    /** A broadcast indication whose TLVs disagree with their lengths in one of three ways. */
    private static byte[] badTlvLength(RandomGenerator random) {
        int[] indication = INDICATIONS[random.nextInt(INDICATIONS.length)];
        byte[] tlvs = randomTlvs(random);
        if (tlvs.length == 0) {
            tlvs = new byte[] {0x01, 0x01, 0x00, 0x00};
        }
        byte[] frame = QmuxFrame.indication(indication[0], QmuxFrame.BROADCAST_CLIENT, indication[1], tlvs).encode();
        int tlvStart = 1 + QmuxFrame.QMUX_HEADER_BYTES + QmuxFrame.SERVICE_HEADER_BYTES;
        switch (random.nextInt(3)) {
            // The first TLV says it runs past the end of the message.
            case 0 -> putShort(frame, tlvStart + 1, tlvs.length + random.nextInt(MAX_QMUX_LENGTH - tlvs.length));
            // The message header's TLV area is longer than the frame.
            case 1 -> putShort(frame, tlvStart - 2, tlvs.length + 1 + random.nextInt(256));
            // A TLV header cut off by the end of the area: the frame ends in the middle of type/length.
            default -> {
                frame = Arrays.copyOf(frame, frame.length + 2);
                frame[frame.length - 2] = 0x11;
                frame[frame.length - 1] = (byte) random.nextInt(256);
                putShort(frame, LENGTH_OFFSET, frame.length - 1);
                putShort(frame, tlvStart - 2, tlvs.length + 2);
            }
        }
        return frame;
    }

    /** Well-framed, but a service nobody allocated, a message id no service defines, or a client never allocated. */
    private static byte[] unknownService(RandomGenerator random) {
        return switch (random.nextInt(3)) {
            case 0 -> QmuxFrame.indication(FIRST_UNKNOWN_SERVICE + random.nextInt(0xFF - FIRST_UNKNOWN_SERVICE),
                    QmuxFrame.BROADCAST_CLIENT, random.nextInt(0x10000), randomTlvs(random)).encode();
            case 1 -> {
                int[] indication = INDICATIONS[random.nextInt(INDICATIONS.length)];
                yield QmuxFrame.indication(indication[0], QmuxFrame.BROADCAST_CLIENT, 0x7F00 + random.nextInt(0x100),
                        randomTlvs(random)).encode();
            }
            default -> {
                int[] indication = INDICATIONS[random.nextInt(INDICATIONS.length)];
                yield new QmuxFrame(indication[0], 0x80 + random.nextInt(0x7F),
                        QmuxFrame.SERVICE_FLAG_RESPONSE, random.nextInt(0x10000), indication[1], randomTlvs(random))
                        .encode();
            }
        };
    }

    private static byte[] garbage(RandomGenerator random) {
        byte[] bytes = FrameMutator.garbage(random, MAX_GARBAGE_BYTES);
        if (random.nextBoolean()) {
            // Starting with the marker gets garbage past the first check and into the header parser.
            bytes[0] = QmuxFrame.MARKER;
        }
        return bytes;
    }

    private static byte[] randomTlvs(RandomGenerator random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = random.nextInt(MAX_RANDOM_TLVS + 1);
        for (int i = 0; i < count; i++) {
            int type = random.nextBoolean() ? 0x01 + random.nextInt(0x20) : random.nextInt(256);
            byte[] value = new byte[random.nextInt(MAX_RANDOM_TLV_BYTES + 1)];
            random.nextBytes(value);
            out.write(type);
            out.write(value.length);
            out.write(0);
            out.writeBytes(value);
        }
        return out.toByteArray();
    }

    private static int qmuxLength(byte[] frame) {
        return frame.length < 3 ? 0 : (frame[LENGTH_OFFSET] & 0xFF) | (frame[LENGTH_OFFSET + 1] & 0xFF) << 8;
    }

    private static byte[] withQmuxLength(byte[] realFrame, int length) {
        byte[] frame = realFrame.length < 3 ? Arrays.copyOf(realFrame, 3) : realFrame.clone();
        putShort(frame, LENGTH_OFFSET, length);
        return frame;
    }

    private static void putShort(byte[] frame, int offset, int value) {
        frame[offset] = (byte) value;
        frame[offset + 1] = (byte) (value >>> 8);
    }
}
