package org.wwan4j.emulator.fault.hostile;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Random damage to a copy of a frame: bit flips, overwritten bytes, removed, repeated or cut-off ranges. */
final class FrameMutator {

    /** A few edits keep most of the frame recognisable, so parsers get past the header and into the payload. */
    private static final int MAX_EDITS = 6;
    private static final byte[] EDGE_VALUES = {0x00, (byte) 0xFF, 0x7F, (byte) 0x80, 0x01};

    private FrameMutator() {
    }

    static byte[] mutate(byte[] frame, RandomGenerator random) {
        byte[] bytes = frame.length == 0 ? new byte[] {0} : frame.clone();
        int edits = 1 + random.nextInt(MAX_EDITS);
        for (int i = 0; i < edits; i++) {
            bytes = edit(bytes, random);
        }
        if (Arrays.equals(bytes, frame)) {
            // Edits can cancel out (a range removed and another repeated); a copy must differ to be a mutation.
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private static byte[] edit(byte[] bytes, RandomGenerator random) {
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(5)) {
            case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> bytes[at] = (byte) random.nextInt(256);
            case 2 -> bytes[at] = EDGE_VALUES[random.nextInt(EDGE_VALUES.length)];
            case 3 -> {
                if (bytes.length > 1) {
                    int length = 1 + random.nextInt(Math.min(16, bytes.length - at));
                    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
                    out.write(bytes, 0, at);
                    out.write(bytes, at + length, bytes.length - at - length);
                    bytes = out.size() == 0 ? new byte[] {bytes[0]} : out.toByteArray();
                }
            }
            default -> {
                int length = 1 + random.nextInt(Math.min(16, bytes.length - at));
                ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + length);
                out.write(bytes, 0, at + length);
                out.write(bytes, at, bytes.length - at);
                bytes = out.toByteArray();
            }
        }
        return bytes;
    }

    static byte[] garbage(RandomGenerator random, int maxLength) {
        byte[] bytes = new byte[1 + random.nextInt(maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }
}
