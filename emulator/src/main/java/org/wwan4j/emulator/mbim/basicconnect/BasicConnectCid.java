package org.wwan4j.emulator.mbim.basicconnect;

/** CIDs of the Basic Connect service (MBIM 1.0, table 10-3) that the emulator serves. */
public final class BasicConnectCid {
    public static final int DEVICE_CAPS = 1;
    public static final int SUBSCRIBER_READY_STATUS = 2;
    public static final int RADIO_STATE = 3;
    public static final int PIN = 4;
    public static final int HOME_PROVIDER = 6;
    public static final int PREFERRED_PROVIDERS = 7;
    public static final int VISIBLE_PROVIDERS = 8;
    public static final int REGISTER_STATE = 9;
    public static final int PACKET_SERVICE = 10;
    public static final int SIGNAL_STATE = 11;
    public static final int CONNECT = 12;
    public static final int PROVISIONED_CONTEXTS = 13;
    public static final int IP_CONFIGURATION = 15;
    public static final int DEVICE_SERVICES = 16;
    public static final int DEVICE_SERVICE_SUBSCRIBE_LIST = 19;
    public static final int PACKET_STATISTICS = 20;

    private BasicConnectCid() {
    }
}
