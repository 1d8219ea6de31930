package org.wwan4j.benchmarks.message;

import static org.wwan4j.qmi.ffi.libqmi_glib_h.*;
import static org.wwan4j.qmi.ffi.qmi_message_h.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.wwan4j.glib.ffi.glib_h;

/**
 * DMS Get IDs built and parsed by libqmi through the generated layer alone. Out-parameters are allocated once so a
 * benchmark operation measures libqmi and the downcalls, not the arena.
 */
@SuppressWarnings("restricted") // reinterpret gives returned pointers their real size
public final class QmiCodec implements AutoCloseable {

    static final short DMS_GET_IDS = 0x0025;
    static final byte TLV_IMEI = 0x11;
    static final String CANNED_IMEI = "356789012345678";

    /** A DMS Get IDs response as a modem sends it: result TLV (success) and the IMEI TLV, client 1, transaction 1. */
    public static final byte[] CANNED_RESPONSE = cannedResponse();

    private final Arena arena = Arena.ofShared(); // JMH may set up and tear down on another thread
    private final MemorySegment length = arena.allocate(ValueLayout.JAVA_LONG);
    private final MemorySegment error = arena.allocate(ValueLayout.ADDRESS);
    private final MemorySegment tlvLength = arena.allocate(ValueLayout.JAVA_SHORT);
    private final MemorySegment offset = arena.allocate(ValueLayout.JAVA_LONG);
    private final MemorySegment string = arena.allocate(ValueLayout.ADDRESS);
    private final MemorySegment response = arena.allocateFrom(ValueLayout.JAVA_BYTE, CANNED_RESPONSE);
    // qmi_message_new_from_raw consumes what it parses from this buffer, so it is refilled on every parse.
    private final MemorySegment buffer = glib_h.g_byte_array_new();

    /** The request's wire bytes: qmi_message_new, qmi_message_get_raw, qmi_message_unref. */
    public byte[] buildDmsGetIdsRequest(short transaction) {
        MemorySegment message = qmi_message_new(QMI_SERVICE_DMS(), (byte) 1, transaction, DMS_GET_IDS);
        try {
            MemorySegment raw = qmi_message_get_raw(message, length, error);
            check(!raw.equals(MemorySegment.NULL), "qmi_message_get_raw");
            return raw.reinterpret(length.get(ValueLayout.JAVA_LONG, 0)).toArray(ValueLayout.JAVA_BYTE);
        } finally {
            qmi_message_unref(message);
        }
    }

    /** The IMEI from {@link #CANNED_RESPONSE}: qmi_message_new_from_raw, then the IMEI TLV read as a string. */
    public String parseCannedImei() {
        glib_h.g_byte_array_append(buffer, response, (int) response.byteSize());
        MemorySegment message = qmi_message_new_from_raw(buffer, error);
        check(!message.equals(MemorySegment.NULL), "qmi_message_new_from_raw");
        try {
            long tlv = qmi_message_tlv_read_init(message, TLV_IMEI, tlvLength, error);
            check(tlv != 0, "qmi_message_tlv_read_init");
            offset.set(ValueLayout.JAVA_LONG, 0, 0);
            // No size prefix, no limit: the IMEI TLV's value is the bare string.
            check(qmi_message_tlv_read_string(message, tlv, offset, (byte) 0, (short) 0, string, error) != 0,
                    "qmi_message_tlv_read_string");
            MemorySegment text = string.get(ValueLayout.ADDRESS, 0);
            try {
                return text.reinterpret(Long.MAX_VALUE).getString(0);
            } finally {
                glib_h.g_free(text);
            }
        } finally {
            qmi_message_unref(message);
        }
    }

    private void check(boolean ok, String call) {
        if (!ok) {
            MemorySegment gerror = error.get(ValueLayout.ADDRESS, 0);
            // The GError's message is its third field (domain u32, code i32, message pointer).
            String detail = gerror.equals(MemorySegment.NULL) ? "no GError"
                    : gerror.reinterpret(16).get(ValueLayout.ADDRESS, 8).reinterpret(Long.MAX_VALUE).getString(0);
            throw new IllegalStateException(call + " failed: " + detail);
        }
    }

    private static byte[] cannedResponse() {
        byte[] imei = CANNED_IMEI.getBytes(StandardCharsets.US_ASCII);
        int tlvs = (3 + 4) + (3 + imei.length);
        ByteBuffer b = ByteBuffer.allocate(6 + 7 + tlvs).order(ByteOrder.LITTLE_ENDIAN);
        // QMUX: marker, length (everything after the marker), flags (from the service), service DMS, client 1.
        b.put((byte) 0x01).putShort((short) (b.capacity() - 1)).put((byte) 0x80).put((byte) 0x02).put((byte) 0x01);
        // QMI: flags (response), transaction 1, message Get IDs, length of the TLVs.
        b.put((byte) 0x02).putShort((short) 1).putShort(DMS_GET_IDS).putShort((short) tlvs);
        // Result TLV 0x02: QMI_RESULT_SUCCESS, QMI_PROTOCOL_ERROR_NONE.
        b.put((byte) 0x02).putShort((short) 4).putShort((short) 0).putShort((short) 0);
        b.put(TLV_IMEI).putShort((short) imei.length).put(imei);
        return b.array();
    }

    @Override
    public void close() {
        glib_h.g_byte_array_unref(buffer);
        arena.close();
    }
}
