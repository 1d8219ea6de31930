package org.wwan4j.agent.qmi;

/**
 * Decodes SIM elementary files: ICCID (EF 2FE2) and IMSI (EF 6F07) are BCD with the two digits of each byte
 * swapped, low nibble first, unused nibbles 0xF (3GPP TS 31.102). The IMSI file starts with its length byte, and
 * its first nibble is the parity indicator, not a digit.
 */
final class QmiSimFileCodec {

    /** Paths are little-endian 16-bit file ids, as QMI UIM wants them. */
    static final byte[] PATH_MF = {0x00, 0x3F};
    static final byte[] PATH_MF_ADF = {0x00, 0x3F, (byte) 0xFF, 0x7F};
    static final int EF_ICCID = 0x2FE2;
    static final int EF_IMSI = 0x6F07;

    private QmiSimFileCodec() {
    }

    /** The digits of a swapped-BCD field, or null when it holds none. */
    static String swappedBcd(byte[] bytes, int from, int to) {
        if (bytes == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = from; i < Math.min(to, bytes.length); i++) {
            appendDigit(digits, bytes[i] & 0x0F);
            appendDigit(digits, bytes[i] >> 4 & 0x0F);
        }
        return digits.isEmpty() ? null : digits.toString();
    }

    static String iccid(byte[] file) {
        return file == null ? null : swappedBcd(file, 0, file.length);
    }

    static String imsi(byte[] file) {
        if (file == null || file.length < 2) {
            return null;
        }
        int length = Math.min(file[0] & 0xFF, file.length - 1);
        String digits = swappedBcd(file, 1, 1 + length);
        return digits == null || digits.length() < 2 ? null : digits.substring(1);
    }

    private static void appendDigit(StringBuilder digits, int nibble) {
        if (nibble <= 9) {
            digits.append((char) ('0' + nibble));
        }
    }
}
