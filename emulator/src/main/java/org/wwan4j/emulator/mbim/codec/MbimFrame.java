package org.wwan4j.emulator.mbim.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One control transfer exactly as it was on the wire: the 12-byte MBIM header (type, length, transaction id)
 * and whatever follows it. A fragment of a long COMMAND is a frame too; {@link MbimFragmentCollector} joins them.
 */
public record MbimFrame(byte[] bytes) {
    public static final int HEADER_LENGTH = 12;
    public static final int FRAGMENT_HEADER_LENGTH = 8;

    public int typeCode() {
        return u32(0);
    }

    /** The message type, or {@code null} for a value MBIM does not define. */
    public MbimMessageType type() {
        return MbimMessageType.fromCode(typeCode());
    }

    public int length() {
        return bytes.length;
    }

    public int transactionId() {
        return u32(8);
    }

    public boolean hasFragmentHeader() {
        MbimMessageType type = type();
        return type != null && type.isFragmentable() && bytes.length >= HEADER_LENGTH + FRAGMENT_HEADER_LENGTH;
    }

    public int fragmentTotal() {
        return u32(HEADER_LENGTH);
    }

    public int fragmentCurrent() {
        return u32(HEADER_LENGTH + 4);
    }

    /** Little-endian 32-bit value at an absolute offset of the frame. */
    public int u32(int offset) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(offset);
    }
}
