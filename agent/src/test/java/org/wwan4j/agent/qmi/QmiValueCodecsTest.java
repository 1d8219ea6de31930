package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte- and number-level conversions where QMI loses information a naive reading gets wrong. */
class QmiValueCodecsTest {

    @Test
    void mncKeepsItsLeadingZeroAndThreeDigitMncsTheirs() {
        assertEquals("07", QmiPlmnDigits.mnc(7, false));
        assertEquals("007", QmiPlmnDigits.mnc(7, true));
        assertEquals("07", QmiPlmnDigits.mnc(7, null), "two digits unless the PCS-digit TLV says three");
        assertEquals("310", QmiPlmnDigits.mnc(310, null));
        assertEquals("001", QmiPlmnDigits.mcc(1));
        assertNull(QmiPlmnDigits.mnc(null, true));
    }

    @Test
    void iccidIsSwappedBcdPaddedWithF() {
        byte[] file = {(byte) 0x98, (byte) 0x94, 0x70, 0x00, 0x00, 0x21, 0x43, 0x65, (byte) 0x87, 0x09};
        assertEquals("89490700001234567890", QmiSimFileCodec.iccid(file));
        assertEquals("123", QmiSimFileCodec.iccid(new byte[] {0x21, (byte) 0xF3}));
    }

    @Test
    void imsiSkipsTheLengthByteAndTheParityNibble() {
        // 15 digits 262071234567890: odd, so parity nibble 9 before the first digit.
        byte[] file = {0x08, 0x29, 0x26, 0x70, 0x21, 0x43, 0x65, (byte) 0x87, 0x09};
        assertEquals("262071234567890", QmiSimFileCodec.imsi(file));
        assertNull(QmiSimFileCodec.imsi(new byte[] {0x00}));
    }

    @Test
    void addressesPrintAsUsual() {
        assertEquals("10.64.12.34", QmiWdsSettings.ipv4(0x0A400C22L));
        assertEquals("2001:db8:64::1234",
                QmiWdsSettings.ipv6(List.of(0x2001L, 0xdb8L, 0x64L, 0L, 0L, 0L, 0L, 0x1234L)));
        assertEquals("::1", QmiWdsSettings.ipv6(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L)));
        assertEquals("2001:db8:0:1::1", // a single zero group is not compressed, the longer run is
                QmiWdsSettings.ipv6(List.of(0x2001L, 0xdb8L, 0L, 1L, 0L, 0L, 0L, 1L)));
        assertEquals("fe80::", QmiWdsSettings.ipv6(List.of(0xfe80L, 0L, 0L, 0L, 0L, 0L, 0L, 0L)));
        assertNull(QmiWdsSettings.ipv6(List.of(1L)));
    }
}
