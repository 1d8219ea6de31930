package org.wwan4j.agent.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Netlink wire format, built and read by hand: {@code struct nlmsghdr} (len u32, type u16, flags u16, seq u32,
 * pid u32), a family header (ifinfomsg, ifaddrmsg, rtmsg), then {@code struct rtattr}s (len u16, type u16, data),
 * everything 4-byte aligned and in host byte order.
 */
final class NetlinkMessage {

    static final int HEADER_BYTES = 16;
    static final int ALIGN = 4;

    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;

    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_MULTI = 0x2;
    static final int NLM_F_ACK = 0x4;
    static final int NLM_F_DUMP = 0x300;
    static final int NLM_F_REPLACE = 0x100;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;

    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private NetlinkMessage() {
    }

    static int align(int length) {
        return (length + ALIGN - 1) & ~(ALIGN - 1);
    }

    /** Builds one message; {@link #build()} fills in the length. */
    static final class Builder {
        private final ByteBuffer buffer = ByteBuffer.allocate(4096).order(ORDER);

        Builder(int type, int flags, int sequence) {
            buffer.putInt(0).putShort((short) type).putShort((short) flags).putInt(sequence).putInt(0);
        }

        Builder u8(int value) {
            buffer.put((byte) value);
            return this;
        }

        Builder u16(int value) {
            buffer.putShort((short) value);
            return this;
        }

        Builder u32(int value) {
            buffer.putInt(value);
            return this;
        }

        Builder attribute(int type, byte[] data) {
            padToAlignment();
            buffer.putShort((short) (4 + data.length)).putShort((short) type).put(data);
            padToAlignment();
            return this;
        }

        Builder attributeU32(int type, int value) {
            return attribute(type, ByteBuffer.allocate(4).order(ORDER).putInt(value).array());
        }

        Builder attributeString(int type, String value) {
            byte[] text = value.getBytes(StandardCharsets.UTF_8);
            byte[] terminated = new byte[text.length + 1];
            System.arraycopy(text, 0, terminated, 0, text.length);
            return attribute(type, terminated);
        }

        byte[] build() {
            padToAlignment();
            int length = buffer.position();
            buffer.putInt(0, length);
            byte[] out = new byte[length];
            buffer.get(0, out);
            return out;
        }

        private void padToAlignment() {
            while (buffer.position() % ALIGN != 0) {
                buffer.put((byte) 0);
            }
        }
    }

    /**
     * One received message.
     *
     * @param payload the bytes after the nlmsghdr, read-only, position 0
     */
    record Received(int type, int flags, int sequence, ByteBuffer payload) {

        /** For NLMSG_ERROR: the error field, 0 for an ACK, else a negative errno. */
        int error() {
            return payload.getInt(0);
        }

        /** The rtattrs following a family header of {@code headerBytes}. */
        Map<Integer, ByteBuffer> attributes(int headerBytes) {
            return NetlinkMessage.attributes(payload, align(headerBytes));
        }
    }

    /** Splits a datagram into messages; a malformed tail is dropped, never read past. */
    static List<Received> parse(byte[] datagram) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram).order(ORDER);
        List<Received> messages = new ArrayList<>();
        int offset = 0;
        while (offset + HEADER_BYTES <= datagram.length) {
            int length = buffer.getInt(offset);
            if (length < HEADER_BYTES || offset + length > datagram.length) {
                break;
            }
            int type = Short.toUnsignedInt(buffer.getShort(offset + 4));
            int flags = Short.toUnsignedInt(buffer.getShort(offset + 6));
            int sequence = buffer.getInt(offset + 8);
            ByteBuffer payload = buffer.slice(offset + HEADER_BYTES, length - HEADER_BYTES).order(ORDER).asReadOnlyBuffer()
                    .order(ORDER);
            messages.add(new Received(type, flags, sequence, payload));
            offset += align(length);
        }
        return messages;
    }

    /** Attribute type (nested and byte-order flags masked off) to its data. */
    static Map<Integer, ByteBuffer> attributes(ByteBuffer payload, int start) {
        Map<Integer, ByteBuffer> attributes = new HashMap<>();
        int offset = start;
        while (offset + 4 <= payload.limit()) {
            int length = Short.toUnsignedInt(payload.getShort(offset));
            int type = Short.toUnsignedInt(payload.getShort(offset + 2)) & 0x3FFF;
            if (length < 4 || offset + length > payload.limit()) {
                break;
            }
            attributes.putIfAbsent(type, payload.slice(offset + 4, length - 4).order(ORDER));
            offset += align(length);
        }
        return attributes;
    }

    static byte[] bytes(ByteBuffer data) {
        byte[] out = new byte[data.remaining()];
        data.get(data.position(), out);
        return out;
    }

    static String string(ByteBuffer data) {
        byte[] raw = bytes(data);
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }
}
