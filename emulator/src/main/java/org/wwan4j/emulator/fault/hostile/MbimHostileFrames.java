package org.wwan4j.emulator.fault.hostile;

import java.util.Arrays;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.wwan4j.emulator.mbim.codec.MbimFrame;
import org.wwan4j.emulator.mbim.codec.MbimMessageType;
import org.wwan4j.emulator.mbim.codec.MbimMessages;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;

/**
 * Bad MBIM control messages. Every message starts with type, length and transaction id (32-bit little-endian);
 * COMMAND_DONE and INDICATE_STATUS follow with the fragment header (total, current), the service UUID, the CID and
 * (COMMAND_DONE) a status, then the information buffer's length and the buffer.
 */
final class MbimHostileFrames implements HostileFrameFactory {

    /** The MaxControlTransfer hosts offer in OPEN (libmbim's and the emulator's): one transfer's maximum. */
    static final int MAX_CONTROL_TRANSFER = 4_096;
    /** Past the 64 KiB the emulator itself joins fragments up to: far beyond anything legal. */
    private static final int MAX_OVERSIZED = 70_000;
    private static final int LENGTH_OFFSET = 4;
    private static final int FRAGMENT_TOTAL_OFFSET = MbimFrame.HEADER_LENGTH;
    private static final int FRAGMENT_CURRENT_OFFSET = MbimFrame.HEADER_LENGTH + 4;
    private static final int INDICATE_BUFFER_LENGTH_OFFSET = MbimMessages.INDICATE_STATUS_HEADER_LENGTH - 4;
    private static final int MAX_GARBAGE_BYTES = 512;
    private static final int MAX_RANDOM_BUFFER_BYTES = 96;
    /** Basic Connect CIDs with notifications: subscriber ready, radio, register, packet service, signal, connect. */
    private static final int[] NOTIFYING_CIDS = {2, 3, 9, 10, 11, 12};
    private static final int FIRST_UNKNOWN_CID = 1_000;

    @Override
    public byte[] plausibleFrame(RandomGenerator random) {
        byte[] buffer = new byte[random.nextInt(MAX_RANDOM_BUFFER_BYTES + 1)];
        random.nextBytes(buffer);
        return MbimMessages.indicateStatus(MbimServiceIds.BASIC_CONNECT,
                NOTIFYING_CIDS[random.nextInt(NOTIFYING_CIDS.length)], buffer);
    }

    @Override
    public byte[] build(HostileKind kind, RandomGenerator random, byte[] realFrame) {
        return withoutLoopWedge(damage(kind, random, realFrame));
    }

    /**
     * libmbim 1.28 (and its main branch at the time of writing) accepts a CLOSE message whose length field is 0,
     * then removes 0 bytes from its buffer and parses the same message again, forever: the GLib loop thread spins
     * and every device on it stops. No client can survive that frame, so the storm never starts a frame with it
     * (it gives such a frame a header's length instead); see emulator/README.md.
     */
    static byte[] withoutLoopWedge(byte[] frame) {
        if (frame.length >= LENGTH_OFFSET + 4 && u32(frame, 0) == MbimMessageType.CLOSE.code()
                && u32(frame, LENGTH_OFFSET) == 0) {
            putInt(frame, LENGTH_OFFSET, MbimFrame.HEADER_LENGTH);
        }
        return frame;
    }

    private byte[] damage(HostileKind kind, RandomGenerator random, byte[] realFrame) {
        return switch (kind) {
            case TRUNCATED -> Arrays.copyOf(realFrame, 1 + random.nextInt(Math.max(1, realFrame.length - 1)));
            case LENGTH_TOO_SHORT -> withInt(realFrame, LENGTH_OFFSET, random.nextInt(Math.max(1, realFrame.length)));
            case LENGTH_TOO_LONG -> withInt(realFrame, LENGTH_OFFSET,
                    realFrame.length + 1 + random.nextInt(Math.max(1, MAX_CONTROL_TRANSFER - realFrame.length)));
            case OVERSIZED -> oversized(random);
            case BAD_MARKER -> withInt(realFrame, 0, unknownMessageType(random));
            case BAD_TLV_LENGTH -> badBuffer(random);
            case UNKNOWN_SERVICE -> unknownService(random);
            case MUTATED_REAL -> FrameMutator.mutate(realFrame, random);
            case GARBAGE -> FrameMutator.garbage(random, MAX_GARBAGE_BYTES);
        };
    }

    /** An unfragmented indication exactly at, just past, or far beyond one transfer. */
    private byte[] oversized(RandomGenerator random) {
        int total = switch (random.nextInt(4)) {
            case 0 -> MAX_CONTROL_TRANSFER;
            case 1 -> MAX_CONTROL_TRANSFER + 1;
            case 2 -> MAX_CONTROL_TRANSFER + 1 + random.nextInt(MAX_CONTROL_TRANSFER);
            default -> MAX_CONTROL_TRANSFER + 1 + random.nextInt(MAX_OVERSIZED - MAX_CONTROL_TRANSFER);
        };
        byte[] buffer = new byte[total - MbimMessages.INDICATE_STATUS_HEADER_LENGTH];
        random.nextBytes(buffer);
        return MbimMessages.indicateStatus(MbimServiceIds.BASIC_CONNECT,
                NOTIFYING_CIDS[random.nextInt(NOTIFYING_CIDS.length)], buffer);
    }

    private static int unknownMessageType(RandomGenerator random) {
        while (true) {
            int type = random.nextBoolean() ? 0x80000000 | random.nextInt(0x100) : random.nextInt();
            if (MbimMessageType.fromCode(type) == null) {
                return type;
            }
        }
    }

    /** A notifying CID whose buffer length, fragment header or inner offsets do not fit the message. */
    private byte[] badBuffer(RandomGenerator random) {
        byte[] frame = plausibleFrame(random);
        int bufferLength = frame.length - MbimMessages.INDICATE_STATUS_HEADER_LENGTH;
        return switch (random.nextInt(4)) {
            case 0 -> withInt(frame, INDICATE_BUFFER_LENGTH_OFFSET, bufferLength + 1 + random.nextInt(1 << 20));
            case 1 -> withInt(frame, FRAGMENT_CURRENT_OFFSET, 1 + random.nextInt(8));
            case 2 -> withInt(frame, FRAGMENT_TOTAL_OFFSET, random.nextBoolean() ? 0 : 2 + random.nextInt(8));
            default -> {
                // Offset/size pairs (how MBIM points at strings and arrays) aimed past the end of the buffer.
                byte[] buffer = new byte[8 * (1 + random.nextInt(6))];
                for (int at = 0; at < buffer.length; at += 4) {
                    putInt(buffer, at, random.nextBoolean() ? random.nextInt() : buffer.length + random.nextInt(64));
                }
                yield MbimMessages.indicateStatus(MbimServiceIds.BASIC_CONNECT,
                        NOTIFYING_CIDS[random.nextInt(NOTIFYING_CIDS.length)], buffer);
            }
        };
    }

    /** Well-formed, but a service UUID nobody defines, or a CID Basic Connect does not have. */
    private byte[] unknownService(RandomGenerator random) {
        byte[] buffer = new byte[random.nextInt(MAX_RANDOM_BUFFER_BYTES + 1)];
        random.nextBytes(buffer);
        return switch (random.nextInt(3)) {
            case 0 -> MbimMessages.indicateStatus(new UUID(random.nextLong(), random.nextLong()),
                    random.nextInt(64), buffer);
            case 1 -> MbimMessages.indicateStatus(MbimServiceIds.BASIC_CONNECT,
                    FIRST_UNKNOWN_CID + random.nextInt(1_000), buffer);
            // An answer to a transaction the host never started (ids far above what a host has used).
            default -> MbimMessages.commandDone(0x40000000 + random.nextInt(0x1000),
                    new UUID(random.nextLong(), random.nextLong()), random.nextInt(64), 0, buffer);
        };
    }

    private static byte[] withInt(byte[] realFrame, int offset, int value) {
        byte[] frame = realFrame.length < offset + 4 ? Arrays.copyOf(realFrame, offset + 4) : realFrame.clone();
        putInt(frame, offset, value);
        return frame;
    }

    private static int u32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16
                | (bytes[offset + 3] & 0xFF) << 24;
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >>> 8);
        bytes[offset + 2] = (byte) (value >>> 16);
        bytes[offset + 3] = (byte) (value >>> 24);
    }
}
