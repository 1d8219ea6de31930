package org.wwan4j.emulator.qmi;

/**
 * MCC/MNC as QMI carries them: numbers, with a separate "includes PCS digit" flag telling a 3-digit MNC ("007")
 * from a 2-digit one ("07"). Going back from numbers to strings needs that flag, or leading zeros are lost.
 */
final class QmiPlmn {

    private QmiPlmn() {
    }

    static int number(String digits) {
        return digits == null || digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    static boolean hasPcsDigit(String mnc) {
        return mnc != null && mnc.length() == 3;
    }

    static String mcc(int mcc) {
        return String.format("%03d", mcc);
    }

    static String mnc(int mnc, boolean pcsDigit) {
        return pcsDigit || mnc > 99 ? String.format("%03d", mnc) : String.format("%02d", mnc);
    }

    /** The 3-character form used by fixed-size MNC strings: a 2-digit MNC is padded with 0xFF. */
    static byte[] fixedMnc(String mnc) {
        byte[] out = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        for (int i = 0; i < Math.min(3, mnc.length()); i++) {
            out[i] = (byte) mnc.charAt(i);
        }
        return out;
    }
}
