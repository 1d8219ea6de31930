package org.wwan4j.emulator.mbim.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Reads fields of an MBIM information buffer with bounds checks. Variable-size fields are (offset, size) pairs
 * whose offset counts from the start of the structure holding the pair (the information buffer itself for
 * top-level fields). Every failure is an {@link MbimParseException} carrying MBIM_STATUS_INVALID_PARAMETERS,
 * so a malformed request gets a COMMAND_DONE with that status instead of crashing the emulator.
 */
public final class InformationBufferReader {
    private final ByteBuffer buffer;

    public InformationBufferReader(byte[] informationBuffer) {
        this.buffer = ByteBuffer.wrap(informationBuffer).order(ByteOrder.LITTLE_ENDIAN);
    }

    public int size() {
        return buffer.capacity();
    }

    /** Fails unless the fixed part of a request (its scalar fields and pairs) is all there. */
    public void requireAtLeast(long bytes, String what) throws MbimParseException {
        if (size() < bytes) {
            throw invalid(what + " needs " + bytes + " bytes, got " + size());
        }
    }

    public int u16(int offset) throws MbimParseException {
        check(offset, 2, "uint16");
        return Short.toUnsignedInt(buffer.getShort(offset));
    }

    public int u32(int offset) throws MbimParseException {
        check(offset, 4, "uint32");
        return buffer.getInt(offset);
    }

    public long u64(int offset) throws MbimParseException {
        check(offset, 8, "uint64");
        return buffer.getLong(offset);
    }

    public UUID uuid(int offset) throws MbimParseException {
        check(offset, 16, "uuid");
        ByteBuffer bigEndian = buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
        return new UUID(bigEndian.getLong(offset), bigEndian.getLong(offset + 8));
    }

    /** A UTF-16LE string referenced by the (offset, size) pair at {@code pairOffset}; "" when size is 0. */
    public String string(int pairOffset) throws MbimParseException {
        return string(0, pairOffset);
    }

    /** As {@link #string(int)} for a pair inside a structure starting at {@code structStart}. */
    public String string(int structStart, int pairOffset) throws MbimParseException {
        long offset = Integer.toUnsignedLong(u32(structStart + pairOffset));
        long length = Integer.toUnsignedLong(u32(structStart + pairOffset + 4));
        if (length == 0) {
            return "";
        }
        if ((length & 1) != 0) {
            throw invalid("UTF-16 string of odd size " + length);
        }
        long start = structStart + offset;
        if (start + length > size()) {
            throw invalid("string at " + start + " of " + length + " bytes is outside the buffer of " + size());
        }
        byte[] raw = new byte[(int) length];
        buffer.get((int) start, raw);
        return new String(raw, StandardCharsets.UTF_16LE);
    }

    private void check(int offset, int width, String what) throws MbimParseException {
        if (offset < 0 || offset + width > size()) {
            throw invalid(what + " at " + offset + " is outside the buffer of " + size());
        }
    }

    private static MbimParseException invalid(String message) {
        return new MbimParseException(MbimStatus.INVALID_PARAMETERS, message);
    }
}
