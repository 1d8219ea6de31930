package org.wwan4j.emulator.mbim.basicconnect;

import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;

/**
 * The MBIM_PROVIDER structure shared by Home Provider and Visible Providers. The provider id is MCC followed by
 * MNC as digits, so a 2-digit MNC such as "07" must keep its leading zero ("26207", not "2627").
 */
final class ProviderStruct {
    static final int STATE_HOME = 1;
    static final int STATE_FORBIDDEN = 1 << 1;
    static final int STATE_VISIBLE = 1 << 3;
    static final int STATE_REGISTERED = 1 << 4;
    static final int CELLULAR_CLASS_GSM = 1;
    static final int ERROR_RATE_UNKNOWN = 99;
    static final int RSSI_UNKNOWN = 99;

    private ProviderStruct() {
    }

    static InformationBufferWriter write(String mcc, String mnc, int state, String name, int rssi) {
        return new InformationBufferWriter()
                .string(mcc + mnc)
                .u32(state)
                .string(name)
                .u32(CELLULAR_CLASS_GSM)
                .u32(rssi)
                .u32(ERROR_RATE_UNKNOWN);
    }
}
