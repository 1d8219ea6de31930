package org.wwan4j.emulator;

import java.util.Locale;

/**
 * Which firmware generation the emulated modem answers like. The agent claims to handle both; tests run it against
 * each. On MBIM only the stored contexts differ: legacy firmware lists them through Basic Connect only.
 */
public enum FirmwareProfile {

    /** Today's firmware: every message the emulator implements. The default. */
    MODERN("modern"),
    /**
     * An older QMI firmware: DMS UIM Get ICCID / Get IMSI / Verify PIN, UIM Get Card Status, NAS Get Signal
     * Strength, NAS Get Serving System and the NAS Event Report, but no UIM Read Transparent, Verify PIN or Get Slot
     * Status (nor slot status events), no NAS Get Signal Info or Get System Info, no way to register for their
     * indications, and no WDA data format messages (the link stays 802.3). Those are refused with
     * InvalidQmiCommand, as such firmware does. Over MBIM: no MS Basic Connect Extensions provisioned contexts
     * (v2), refused with NO_DEVICE_SUPPORT.
     */
    LEGACY("legacy");

    private final String cliName;

    FirmwareProfile(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The profile named on the command line ("modern", "legacy"); throws with the valid names otherwise. */
    public static FirmwareProfile fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (FirmwareProfile profile : values()) {
            if (profile.cliName.equals(wanted)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "' (expected modern or legacy)");
    }
}
