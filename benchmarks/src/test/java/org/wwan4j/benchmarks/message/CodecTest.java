package org.wwan4j.benchmarks.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The MessageBenchmark operations produce the expected bytes and fields (no timing). */
class CodecTest {

    @Test
    void qmiRequestHasTheExactQmuxBytes() {
        try (QmiCodec qmi = new QmiCodec()) {
            assertArrayEquals(new byte[] {
                    0x01, 0x0c, 0x00, 0x00, 0x02, 0x01,           // QMUX: length 12, service DMS, client 1
                    0x00, 0x01, 0x00, 0x25, 0x00, 0x00, 0x00},    // QMI: transaction 1, Get IDs, no TLVs
                    qmi.buildDmsGetIdsRequest((short) 1));
        }
    }

    @Test
    void qmiParseReadsTheImeiRepeatedly() {
        try (QmiCodec qmi = new QmiCodec()) {
            // Twice: the GByteArray is consumed by each parse and must be refilled.
            assertEquals(QmiCodec.CANNED_IMEI, qmi.parseCannedImei());
            assertEquals(QmiCodec.CANNED_IMEI, qmi.parseCannedImei());
        }
    }

    @Test
    void mbimQueryIsADeviceCapsCommand() {
        try (MbimCodec mbim = new MbimCodec()) {
            ByteBuffer b = ByteBuffer.wrap(mbim.buildDeviceCapsQuery()).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(48, b.capacity());
            assertEquals(3, b.getInt(0));   // MBIM_MESSAGE_TYPE_COMMAND
            assertEquals(48, b.getInt(4));  // length
            byte[] service = new byte[16];
            b.get(20, service);
            assertArrayEquals(MbimCodec.BASIC_CONNECT, service);
            assertEquals(1, b.getInt(36));  // CID device caps
            assertEquals(0, b.getInt(40));  // query
            assertEquals(0, b.getInt(44));  // no information buffer
        }
    }

    @Test
    void mbimParseReadsTheDeviceIdRepeatedly() {
        try (MbimCodec mbim = new MbimCodec()) {
            assertEquals(MbimCodec.CANNED_DEVICE_ID, mbim.parseCannedDeviceId());
            assertEquals(MbimCodec.CANNED_DEVICE_ID, mbim.parseCannedDeviceId());
        }
    }
}
