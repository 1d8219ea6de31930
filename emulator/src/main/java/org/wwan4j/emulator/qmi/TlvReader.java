package org.wwan4j.emulator.qmi;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads fields of one TLV value, little-endian. Running past the end means the client sent a short TLV: that is a
 * {@link QmiRequestException} with MalformedMessage, answered to the client, never an uncaught exception.
 */
public final class TlvReader {

    private final int type;
    private final ByteBuffer value;

    TlvReader(int type, byte[] bytes) {
        this.type = type;
        this.value = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    public int u8() {
        try {
            return value.get() & 0xff;
        } catch (BufferUnderflowException e) {
            throw shortTlv();
        }
    }

    public int u16() {
        try {
            return value.getShort() & 0xffff;
        } catch (BufferUnderflowException e) {
            throw shortTlv();
        }
    }

    public long u32() {
        try {
            return value.getInt() & 0xffffffffL;
        } catch (BufferUnderflowException e) {
            throw shortTlv();
        }
    }

    public long u64() {
        try {
            return value.getLong();
        } catch (BufferUnderflowException e) {
            throw shortTlv();
        }
    }

    public byte[] bytes(int count) {
        if (count < 0 || count > value.remaining()) {
            throw shortTlv();
        }
        byte[] out = new byte[count];
        value.get(out);
        return out;
    }

    /** The rest of the value as text: a top-level QMI string has no length prefix. */
    public String restAsString() {
        return new String(bytes(value.remaining()), StandardCharsets.UTF_8);
    }

    /** A string with a one-byte length prefix, as strings inside QMI structs are. */
    public String u8String() {
        return new String(bytes(u8()), StandardCharsets.UTF_8);
    }

    public int remaining() {
        return value.remaining();
    }

    private QmiRequestException shortTlv() {
        return new QmiRequestException(QmiError.MALFORMED_MESSAGE, String.format("TLV 0x%02X too short", type));
    }
}
