package org.wwan4j.agent.qmi;

/**
 * QMI carries MCC and MNC as numbers, which loses the leading zeros that make "07" differ from "007". The MNC
 * PCS-digit TLV says whether the MNC has three digits; without it, values below 100 are two digits (3GPP).
 */
final class QmiPlmnDigits {

    private QmiPlmnDigits() {
    }

    static String mcc(Integer mcc) {
        return mcc == null ? null : String.format("%03d", mcc);
    }

    static String mnc(Integer mnc, Boolean threeDigits) {
        if (mnc == null) {
            return null;
        }
        boolean three = threeDigits != null ? threeDigits : mnc > 99;
        return String.format(three ? "%03d" : "%02d", mnc);
    }
}
