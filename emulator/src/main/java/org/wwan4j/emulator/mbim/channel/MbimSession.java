package org.wwan4j.emulator.mbim.channel;

/**
 * What the function remembers about the host between messages: its notification subscriptions and the MBIM
 * extensions version agreed through MBIMEx's Version CID. A new OPEN starts at MBIMEx 1.0 again (hosts
 * exchange versions right after OPEN); a reboot also forgets the subscriptions.
 */
public final class MbimSession {
    /** BCD versions as MBIMEx encodes them (major in the high byte). */
    public static final int MBIMEX_1_0 = 0x0100;
    public static final int MBIMEX_2_0 = 0x0200;
    /** The newest extensions version whose layouts this emulator writes. */
    public static final int SUPPORTED_MBIMEX = MBIMEX_2_0;

    private final MbimSubscriptions subscriptions = new MbimSubscriptions();
    private volatile int extensionsVersion = MBIMEX_1_0;

    public MbimSubscriptions subscriptions() {
        return subscriptions;
    }

    /** True once the host agreed MBIMEx 2.0: Register State, Packet Service and Signal State grow their v2 fields. */
    public boolean mbimEx2() {
        return extensionsVersion >= MBIMEX_2_0;
    }

    /** Agrees the highest version both sides know; returns it. */
    public int negotiate(int hostVersion) {
        extensionsVersion = Math.max(MBIMEX_1_0, Math.min(hostVersion, SUPPORTED_MBIMEX));
        return extensionsVersion;
    }

    void opened() {
        extensionsVersion = MBIMEX_1_0;
    }

    void reboot() {
        opened();
        subscriptions.reset();
    }
}
