package org.wwan4j.emulator.mbim.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class InformationBufferTest {

    @Test
    void stringsAreUtf16LittleEndianPaddedToFourBytesWithOffsetsFromTheBufferStart() throws Exception {
        byte[] buffer = new InformationBufferWriter().u32(7).string("abc").string("").string("Z").toByteArray();
        // fixed part: u32 + 3 pairs = 28 bytes; "abc" = 6 bytes padded to 8; "Z" = 2 bytes padded to 4
        assertEquals(28 + 8 + 4, buffer.length);
        ByteBuffer le = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(28, le.getInt(4));
        assertEquals(6, le.getInt(8));
        assertEquals(0, le.getInt(12), "an empty string has offset 0");
        assertEquals(0, le.getInt(16));
        assertEquals(36, le.getInt(20));
        assertEquals(2, le.getInt(24));
        assertEquals('a', buffer[28]);
        assertEquals(0, buffer[29]);

        InformationBufferReader reader = new InformationBufferReader(buffer);
        assertEquals(7, reader.u32(0));
        assertEquals("abc", reader.string(4));
        assertEquals("", reader.string(12));
        assertEquals("Z", reader.string(20));
    }

    @Test
    void nestedStructureOffsetsCountFromTheStructureStart() throws Exception {
        InformationBufferWriter provider = new InformationBufferWriter().string("00107").u32(9);
        byte[] buffer = new InformationBufferWriter().u32(1).structRef(provider).toByteArray();
        InformationBufferReader reader = new InformationBufferReader(buffer);
        int structStart = reader.u32(4);
        assertEquals(12, structStart);
        assertEquals("00107", reader.string(structStart, 0));
        assertEquals(9, reader.u32(structStart + 8));
    }

    @Test
    void uuidKeepsPrintedByteOrder() throws Exception {
        byte[] buffer = new InformationBufferWriter().uuid(MbimServiceIds.CONTEXT_TYPE_INTERNET).u32(5).toByteArray();
        assertEquals(0x7e, buffer[0] & 0xff);
        assertEquals(0x5e, buffer[1] & 0xff);
        InformationBufferReader reader = new InformationBufferReader(buffer);
        assertEquals(MbimServiceIds.CONTEXT_TYPE_INTERNET, reader.uuid(0));
        assertEquals(5, reader.u32(16), "reading a uuid must not change the byte order of later reads");
    }

    @Test
    void bareOffsetsPointIntoTheVariablePart() {
        byte[] address = {10, 0, 0, 1};
        byte[] buffer = new InformationBufferWriter().u32(1).offsetTo(address).offsetTo(new byte[0]).toByteArray();
        ByteBuffer le = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(12, le.getInt(4));
        assertEquals(0, le.getInt(8));
        byte[] copied = new byte[4];
        le.get(12, copied);
        assertArrayEquals(address, copied);
    }

    @Test
    void malformedPairsAreInvalidParametersNotCrashes() {
        ByteBuffer bad = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(4).putInt(1000);
        InformationBufferReader reader = new InformationBufferReader(bad.array());
        MbimParseException outside = assertThrows(MbimParseException.class, () -> reader.string(0));
        assertEquals(MbimStatus.INVALID_PARAMETERS, outside.code());
        assertThrows(MbimParseException.class, () -> reader.u32(6));
        assertThrows(MbimParseException.class, () -> reader.u64(4));
        assertThrows(MbimParseException.class, () -> reader.string(4));
        ByteBuffer odd = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(8).putInt(3);
        assertThrows(MbimParseException.class, () -> new InformationBufferReader(odd.array()).string(0));
        ByteBuffer huge = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-4).putInt(-2);
        assertThrows(MbimParseException.class, () -> new InformationBufferReader(huge.array()).string(0));
    }
}
