package org.wwan4j.emulator.mbim.msbasicconnect;

/** CIDs of Microsoft's Basic Connect Extensions service that the emulator serves. */
public final class MsBasicConnectExtensionsCid {
    public static final int PROVISIONED_CONTEXTS = 1;
    public static final int LTE_ATTACH_CONFIGURATION = 3;
    public static final int LTE_ATTACH_INFO = 4;
    public static final int SYS_CAPS = 5;
    public static final int DEVICE_SLOT_MAPPINGS = 7;
    public static final int SLOT_INFO_STATUS = 8;
    public static final int BASE_STATIONS_INFO = 11;
    public static final int VERSION = 15;

    private MsBasicConnectExtensionsCid() {
    }
}
