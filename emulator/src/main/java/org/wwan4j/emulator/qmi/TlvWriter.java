package org.wwan4j.emulator.qmi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds a message's TLV list. {@link #tlv(int)} opens a TLV, the field methods append to it little-endian, and the
 * next {@code tlv} (or {@link #toBytes}) closes it with its length. The result TLV (0x02) is written by the engine.
 */
public final class TlvWriter {

    private final ByteArrayOutputStream done = new ByteArrayOutputStream();
    private ByteArrayOutputStream current;
    private int currentType = -1;

    public TlvWriter tlv(int type) {
        close();
        currentType = type;
        current = new ByteArrayOutputStream();
        return this;
    }

    public TlvWriter u8(int v) {
        current.write(v);
        return this;
    }

    public TlvWriter i8(int v) {
        return u8(v & 0xff);
    }

    public TlvWriter u16(int v) {
        current.write(v);
        current.write(v >>> 8);
        return this;
    }

    public TlvWriter i16(int v) {
        return u16(v & 0xffff);
    }

    public TlvWriter u32(long v) {
        for (int i = 0; i < 4; i++) {
            current.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    public TlvWriter u64(long v) {
        for (int i = 0; i < 8; i++) {
            current.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    public TlvWriter f32(float v) {
        return u32(Float.floatToIntBits(v) & 0xffffffffL);
    }

    public TlvWriter f64(double v) {
        return u64(Double.doubleToLongBits(v));
    }

    public TlvWriter bytes(byte[] v) {
        current.writeBytes(v);
        return this;
    }

    /** A string that is the whole TLV value (no length prefix). */
    public TlvWriter rawString(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A string with a one-byte length prefix. */
    public TlvWriter u8String(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u8(b.length);
        return bytes(b);
    }

    /** A string with a two-byte length prefix. */
    public TlvWriter u16String(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u16(b.length);
        return bytes(b);
    }

    private void close() {
        if (current == null) {
            return;
        }
        byte[] value = current.toByteArray();
        done.write(currentType);
        done.write(value.length);
        done.write(value.length >>> 8);
        done.writeBytes(value);
        current = null;
    }

    public byte[] toBytes() {
        close();
        return done.toByteArray();
    }
}
