package org.wwan4j.benchmarks.message;

import static org.wwan4j.mbim.ffi.libmbim_glib_h.*;
import static org.wwan4j.mbim.ffi.mbim_basic_connect_h.*;
import static org.wwan4j.mbim.ffi.mbim_message_h.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.glib.ffi.glib_h;

/** MBIM Device Caps built and parsed by libmbim through the generated layer alone; out-parameters allocated once. */
@SuppressWarnings("restricted") // reinterpret gives returned pointers their real size
public final class MbimCodec implements AutoCloseable {

    static final String CANNED_DEVICE_ID = "356789012345678";
    private static final int COMMAND_DONE = 0x8000_0003;
    private static final int CID_DEVICE_CAPS = 1;
    /** MBIM_UUID_BASIC_CONNECT in wire order. */
    static final byte[] BASIC_CONNECT = {
            (byte) 0xa2, (byte) 0x89, (byte) 0xcc, 0x33, (byte) 0xbc, (byte) 0xbb, (byte) 0x8b, 0x4f,
            (byte) 0xb6, (byte) 0xb0, 0x13, 0x3e, (byte) 0xc2, (byte) 0xaa, (byte) 0xe6, (byte) 0xdf};

    /** A successful Device Caps COMMAND_DONE, transaction 1, device id {@link #CANNED_DEVICE_ID}. */
    public static final byte[] CANNED_RESPONSE = cannedResponse();

    private final Arena arena = Arena.ofShared(); // JMH may set up and tear down on another thread
    private final MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
    private final MemorySegment error = arena.allocate(ValueLayout.ADDRESS);
    private final MemorySegment deviceId = arena.allocate(ValueLayout.ADDRESS);
    private final MemorySegment response = arena.allocateFrom(ValueLayout.JAVA_BYTE, CANNED_RESPONSE);

    /** The query's wire bytes: mbim_message_device_caps_query_new, mbim_message_get_raw, mbim_message_unref. */
    public byte[] buildDeviceCapsQuery() {
        MemorySegment message = mbim_message_device_caps_query_new(error);
        check(!message.equals(MemorySegment.NULL), "mbim_message_device_caps_query_new");
        try {
            MemorySegment raw = mbim_message_get_raw(message, length, error);
            check(!raw.equals(MemorySegment.NULL), "mbim_message_get_raw");
            return raw.reinterpret(length.get(ValueLayout.JAVA_INT, 0)).toArray(ValueLayout.JAVA_BYTE);
        } finally {
            mbim_message_unref(message);
        }
    }

    /** The device id from {@link #CANNED_RESPONSE}: mbim_message_new (a copy), then the generated response parser. */
    public String parseCannedDeviceId() {
        MemorySegment message = mbim_message_new(response, (int) response.byteSize());
        try {
            MemorySegment none = MemorySegment.NULL; // fields the parser may skip
            check(mbim_message_device_caps_response_parse(message, none, none, none, none, none, none, none, none,
                    none, deviceId, none, none, error) != 0, "mbim_message_device_caps_response_parse");
            MemorySegment text = deviceId.get(ValueLayout.ADDRESS, 0);
            try {
                return text.reinterpret(Long.MAX_VALUE).getString(0);
            } finally {
                glib_h.g_free(text);
            }
        } finally {
            mbim_message_unref(message);
        }
    }

    private void check(boolean ok, String call) {
        if (!ok) {
            throw new IllegalStateException(call + " failed");
        }
    }

    private static byte[] cannedResponse() {
        // The emulator's writer lays out the information buffer (offset/size pairs, UTF-16LE strings, padding).
        byte[] info = new InformationBufferWriter()
                .u32(1).u32(1).u32(1).u32(2).u32(0).u32(0).u32(0).u32(1) // embedded, GSM, no voice, removable SIM...
                .string("").string(CANNED_DEVICE_ID).string("FW 1.0").string("HW 1.0")
                .toByteArray();
        ByteBuffer b = ByteBuffer.allocate(48 + info.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(COMMAND_DONE).putInt(b.capacity()).putInt(1); // header: type, length, transaction
        b.putInt(1).putInt(0);                                 // fragment: total 1, current 0
        b.put(BASIC_CONNECT).putInt(CID_DEVICE_CAPS).putInt(0).putInt(info.length); // service, cid, status OK
        b.put(info);
        return b.array();
    }

    @Override
    public void close() {
        arena.close();
    }
}
