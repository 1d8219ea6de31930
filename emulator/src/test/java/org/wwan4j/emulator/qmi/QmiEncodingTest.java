package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small encodings QMI clients decode: SIM files, MCC/MNC with their PCS digit, QMUX frames. */
class QmiEncodingTest {

    @Test
    void iccidIsNibbleSwappedBcdPaddedWithF() {
        assertArrayEquals(new byte[] {(byte) 0x98, 0x14, (byte) 0xF3}, SimFiles.swappedBcd("89413"));
    }

    @Test
    void imsiFileCarriesLengthAndParity() {
        // 15 digits: odd, so the first byte is (first digit << 4) | 9.
        byte[] file = SimFiles.imsiFile("262071234567890");
        assertEquals(8, file[0]);
        assertEquals(0x29, file[1] & 0xff);
        assertEquals(0x09, file[8] & 0xff);
    }

    @Test
    void mncKeepsItsLeadingZeroThroughThePcsDigitFlag() {
        assertEquals("07", QmiPlmn.mnc(7, false));
        assertEquals("007", QmiPlmn.mnc(7, true));
        assertEquals("123", QmiPlmn.mnc(123, false));
        assertTrue(QmiPlmn.hasPcsDigit("007"));
        assertFalse(QmiPlmn.hasPcsDigit("07"));
        assertArrayEquals(new byte[] {'0', '7', (byte) 0xFF}, QmiPlmn.fixedMnc("07"));
    }

    @Test
    void framesSurviveArbitrarySplitsAndNoise() {
        byte[] frame = new QmuxFrame(QmiServiceId.NAS, 3, 0, 0x1234, 0x0024,
                new TlvWriter().tlv(0x10).u8(1).toBytes()).encode();
        QmuxDecoder decoder = new QmuxDecoder();
        decoder.append(new byte[] {0x7f, 0x00}, 2);
        for (byte b : frame) {
            decoder.append(new byte[] {b}, 1);
        }
        List<QmuxDecoder.Decoded> decoded = decoder.drain();
        assertEquals(1, decoded.size());
        QmuxFrame back = decoded.getFirst().frame();
        assertFalse(decoded.getFirst().malformed());
        assertEquals(0x1234, back.transaction());
        assertEquals(3, back.clientId());
        assertEquals(2, decoder.skippedBytes());
    }
}
