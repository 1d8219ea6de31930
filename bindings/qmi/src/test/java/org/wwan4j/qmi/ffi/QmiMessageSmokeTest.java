package org.wwan4j.qmi.ffi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.*;
import static org.wwan4j.qmi.ffi.qmi_message_h.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.wwan4j.glib.ffi.glib_h;

/** Builds real QMI messages with libqmi's own constructors through the generated layer alone; no device. */
@SuppressWarnings("restricted") // reinterpret gives returned pointers their real size
class QmiMessageSmokeTest {

    private static final short DMS_GET_IDS = 0x0025;

    @Test
    void dmsGetIdsRequestHasTheExactQmuxBytes() {
        MemorySegment message = qmi_message_new(QMI_SERVICE_DMS(), (byte) 1, (short) 1, DMS_GET_IDS);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment length = arena.allocate(ValueLayout.JAVA_LONG);
            MemorySegment error = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment raw = qmi_message_get_raw(message, length, error);
            assertEquals(MemorySegment.NULL, error.get(ValueLayout.ADDRESS, 0));
            byte[] bytes = raw.reinterpret(length.get(ValueLayout.JAVA_LONG, 0)).toArray(ValueLayout.JAVA_BYTE);
            assertArrayEquals(new byte[] {
                    0x01, 0x0c, 0x00, 0x00, 0x02, 0x01,  // QMUX: marker, length 12, flags, service DMS, client 1
                    0x00, 0x01, 0x00, 0x25, 0x00, 0x00, 0x00}, // QMI: flags, transaction 1, message 0x0025, no TLVs
                    bytes);
            assertEquals(1, qmi_message_get_client_id(message));
            assertEquals(QMI_SERVICE_DMS(), qmi_message_get_service(message));
            assertEquals(DMS_GET_IDS, qmi_message_get_message_id(message));
        } finally {
            qmi_message_unref(message);
        }
    }

    @Test
    void printableTextNamesServiceAndMessage() {
        MemorySegment message = qmi_message_new(QMI_SERVICE_DMS(), (byte) 1, (short) 7, DMS_GET_IDS);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = qmi_message_get_printable_full(message, MemorySegment.NULL, arena.allocateFrom("> "));
            String printable = text.getString(0);
            glib_h.g_free(text);
            assertEquals("""
                    > QMUX:
                    >   length  = 12
                    >   flags   = 0x00
                    >   service = "dms"
                    >   client  = 1
                    > QMI:
                    >   flags       = "none"
                    >   transaction = 7
                    >   tlv_length  = 0
                    >   message     = "Get IDs" (0x0025)
                    """, printable);
        } finally {
            qmi_message_unref(message);
        }
    }

    @Test
    void sixtyFourBitBandCapabilityIsALongConstant() throws Exception {
        assertEquals(long.class, libqmi_glib_h.class.getMethod("QMI_DMS_BAND_CAPABILITY_WCDMA_2600").getReturnType());
        assertEquals(1L << 48, QMI_DMS_BAND_CAPABILITY_WCDMA_2600());
        assertEquals(8L, QmiDmsBandCapability.byteSize());
        assertEquals(4L, QmiService.byteSize());
    }
}
