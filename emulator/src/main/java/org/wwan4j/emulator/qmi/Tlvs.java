package org.wwan4j.emulator.qmi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The TLVs of one message by type id; the last one wins if a type repeats. */
public final class Tlvs {

    /** TLV header: type (1), length (2, little-endian). */
    static final int TLV_HEADER_BYTES = 3;

    private final Map<Integer, byte[]> byType = new LinkedHashMap<>();

    private Tlvs() {
    }

    /** True when the bytes are an exact sequence of TLVs (no overrun, no trailing partial header). */
    static boolean wellFormed(byte[] data) {
        int offset = 0;
        while (offset < data.length) {
            if (data.length - offset < TLV_HEADER_BYTES) {
                return false;
            }
            int length = (data[offset + 1] & 0xff) | (data[offset + 2] & 0xff) << 8;
            offset += TLV_HEADER_BYTES + length;
        }
        return offset == data.length;
    }

    /** Parses well-formed TLV bytes (check {@link #wellFormed} first). */
    static Tlvs parse(byte[] data) {
        Tlvs tlvs = new Tlvs();
        int offset = 0;
        while (offset + TLV_HEADER_BYTES <= data.length) {
            int type = data[offset] & 0xff;
            int length = (data[offset + 1] & 0xff) | (data[offset + 2] & 0xff) << 8;
            byte[] value = new byte[Math.min(length, data.length - offset - TLV_HEADER_BYTES)];
            System.arraycopy(data, offset + TLV_HEADER_BYTES, value, 0, value.length);
            tlvs.byType.put(type, value);
            offset += TLV_HEADER_BYTES + length;
        }
        return tlvs;
    }

    public boolean has(int type) {
        return byType.containsKey(type);
    }

    /** A reader over the TLV's value, if present. */
    public Optional<TlvReader> get(int type) {
        byte[] value = byType.get(type);
        return value == null ? Optional.empty() : Optional.of(new TlvReader(type, value));
    }

    /** A reader over a TLV the message cannot do without; throws {@link QmiRequestException} MissingArgument. */
    public TlvReader require(int type) {
        return get(type).orElseThrow(() -> new QmiRequestException(QmiError.MISSING_ARGUMENT,
                String.format("TLV 0x%02X missing", type)));
    }
}
