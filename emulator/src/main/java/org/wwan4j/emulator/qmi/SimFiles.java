package org.wwan4j.emulator.qmi;

/**
 * SIM elementary files as the card stores them. ICCID (EF 2FE2) and IMSI (EF 6F07) are BCD with the two digits of
 * each byte swapped (low nibble first); unused nibbles are 0xF. The IMSI file starts with its length and a first byte
 * holding the first digit and the odd/even parity indicator.
 */
final class SimFiles {

    /** IMSI parity nibble: 9 for an odd number of digits, 1 for even (3GPP TS 31.102). */
    private static final int IMSI_ODD = 0x9;
    private static final int IMSI_EVEN = 0x1;

    private SimFiles() {
    }

    /** Digits packed two per byte, low nibble first, padded with F. */
    static byte[] swappedBcd(String digits) {
        byte[] out = new byte[(digits.length() + 1) / 2];
        for (int i = 0; i < out.length; i++) {
            int low = nibble(digits, 2 * i);
            int high = nibble(digits, 2 * i + 1);
            out[i] = (byte) (high << 4 | low);
        }
        return out;
    }

    /** EF IMSI: length byte, then parity+first digit, then the remaining digits swapped. */
    static byte[] imsiFile(String imsi) {
        int parity = imsi.length() % 2 == 1 ? IMSI_ODD : IMSI_EVEN;
        String withParity = (char) ('0' + parity) + imsi;
        byte[] packed = swappedBcd(withParity);
        byte[] out = new byte[packed.length + 1];
        out[0] = (byte) packed.length;
        System.arraycopy(packed, 0, out, 1, packed.length);
        return out;
    }

    private static int nibble(String digits, int index) {
        return index < digits.length() ? Character.digit(digits.charAt(index), 10) & 0xF : 0xF;
    }
}
