package org.wwan4j.emulator.mbim.codec;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds an MBIM information buffer (or a structure inside one) as a fixed part followed by a variable part.
 * Scalars go into the fixed part in order; strings, arrays and referenced structures go into the variable part,
 * with an offset (and usually a size) left in the fixed part. Offsets count from the start of what this writer
 * builds, so a nested structure is built with its own writer and then added with {@link #structRef}.
 * Variable data is padded to 4 bytes, as the specification requires for every data buffer.
 */
public final class InformationBufferWriter {
    private final ByteArrayOutputStream fixed = new ByteArrayOutputStream();
    private final ByteArrayOutputStream variable = new ByteArrayOutputStream();
    /** Positions in {@link #fixed} holding variable-part offsets that still need the fixed length added. */
    private final List<Integer> offsetSlots = new ArrayList<>();

    /** Only the MBIMEx Version CID has 16-bit fields, two of them, so they keep the fixed part 4-byte aligned. */
    public InformationBufferWriter u16(int value) {
        write(fixed, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
        return this;
    }

    public InformationBufferWriter u32(int value) {
        write(fixed, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
        return this;
    }

    public InformationBufferWriter u64(long value) {
        write(fixed, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
        return this;
    }

    public InformationBufferWriter uuid(UUID value) {
        byte[] raw = new byte[16];
        MbimServiceIds.write(value, raw, 0);
        write(fixed, raw);
        return this;
    }

    /** An (offset, size) pair and the UTF-16LE text; an empty or null string is (0, 0) with no data. */
    public InformationBufferWriter string(String value) {
        byte[] text = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_16LE);
        return offsetAndSize(text);
    }

    /** An (offset, size) pair referencing a structure built by another writer. */
    public InformationBufferWriter structRef(InformationBufferWriter structure) {
        return offsetAndSize(structure.toByteArray());
    }

    /** An (offset, size) pair of (0, 0): an optional structure or array that is absent. */
    public InformationBufferWriter absentRef() {
        return u32(0).u32(0);
    }

    /** A bare offset to data in the variable part (size known from elsewhere, e.g. a count field); 0 when empty. */
    public InformationBufferWriter offsetTo(byte[] data) {
        if (data.length == 0) {
            return u32(0);
        }
        offsetSlots.add(fixed.size());
        u32(variable.size());
        appendPadded(data);
        return this;
    }

    /** A bare offset to one IPv4 address (MBIM "ref-ipv4"); 0 when absent. */
    public InformationBufferWriter ipv4Ref(Inet4Address address) {
        return offsetTo(address == null ? new byte[0] : address.getAddress());
    }

    /** A bare offset to one IPv6 address (MBIM "ref-ipv6"); 0 when absent. */
    public InformationBufferWriter ipv6Ref(Inet6Address address) {
        return offsetTo(address == null ? new byte[0] : address.getAddress());
    }

    public byte[] toByteArray() {
        byte[] head = fixed.toByteArray();
        ByteBuffer patch = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        for (int slot : offsetSlots) {
            patch.putInt(slot, patch.getInt(slot) + head.length);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream(head.length + variable.size());
        write(all, head);
        write(all, variable.toByteArray());
        return all.toByteArray();
    }

    private InformationBufferWriter offsetAndSize(byte[] data) {
        offsetTo(data);
        return u32(data.length);
    }

    private void appendPadded(byte[] data) {
        write(variable, data);
        while (variable.size() % 4 != 0) {
            variable.write(0);
        }
    }

    private static void write(ByteArrayOutputStream out, byte[] data) {
        out.write(data, 0, data.length);
    }
}
