package org.wwan4j.mbim.ffi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.*;
import static org.wwan4j.mbim.ffi.mbim_message_h.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.wwan4j.glib.ffi.glib_h;

/** Builds a real MBIM OPEN with libmbim's own constructor through the generated layer alone; no device. */
@SuppressWarnings("restricted") // reinterpret gives returned pointers their real size
class MbimMessageSmokeTest {

    @Test
    void openMessageHasTheExactBytes() {
        MemorySegment message = mbim_message_open_new(1, 4096);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment error = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment raw = mbim_message_get_raw(message, length, error);
            assertEquals(MemorySegment.NULL, error.get(ValueLayout.ADDRESS, 0));
            byte[] bytes = raw.reinterpret(length.get(ValueLayout.JAVA_INT, 0)).toArray(ValueLayout.JAVA_BYTE);
            assertArrayEquals(new byte[] {
                    0x01, 0x00, 0x00, 0x00,   // type MBIM_MESSAGE_TYPE_OPEN
                    0x10, 0x00, 0x00, 0x00,   // length 16
                    0x01, 0x00, 0x00, 0x00,   // transaction 1
                    0x00, 0x10, 0x00, 0x00},  // max control transfer 4096
                    bytes);
            assertEquals(MBIM_MESSAGE_TYPE_OPEN(), mbim_message_get_message_type(message));
        } finally {
            mbim_message_unref(message);
        }
    }

    @Test
    void printableTextDescribesTheOpen() {
        MemorySegment message = mbim_message_open_new(5, 4096);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = mbim_message_get_printable(message, arena.allocateFrom("> "), 0);
            String printable = text.getString(0);
            glib_h.g_free(text);
            assertEquals("""
                    > Header:
                    >   length      = 16
                    >   type        = open (0x00000001)
                    >   transaction = 5
                    > Contents:
                    >   max control transfer = 4096
                    """, printable);
        } finally {
            mbim_message_unref(message);
        }
    }

    @Test
    void unsignedEnumValueAboveIntMaxIsItsBitPattern() throws Exception {
        assertEquals(int.class, libmbim_glib_h.class.getMethod("MBIM_MESSAGE_TYPE_OPEN_DONE").getReturnType());
        assertEquals(0x8000_0001, MBIM_MESSAGE_TYPE_OPEN_DONE());
        assertEquals(0x8000_0001L, Integer.toUnsignedLong(MBIM_MESSAGE_TYPE_OPEN_DONE()));
    }
}
