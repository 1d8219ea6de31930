package org.wwan4j.emulator.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * A stored data profile (context) on the modem; the password is hidden from toString.
 *
 * @param purposes       what the profile is for (QMI's APN type mask, MBIM's context type)
 * @param roamingAllowed false when the modem will not use the profile while roaming
 */
public record Profile(int index, String name, String apn, EmulatedIpType ipType, EmulatedAuth auth, String username,
        String password, Set<Purpose> purposes, boolean roamingAllowed) {

    /** The APN types the emulated modem knows. */
    public enum Purpose {
        DEFAULT, ATTACH, IMS, MMS
    }

    public Profile {
        purposes = purposes == null || purposes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(purposes));
    }

    /** The same profile with other connection settings; purposes and roaming stay. */
    public Profile withSettings(String name, String apn, EmulatedIpType ipType, EmulatedAuth auth, String username,
            String password) {
        return new Profile(index, name, apn, ipType, auth, username, password, purposes, roamingAllowed);
    }

    @Override
    public String toString() {
        return "Profile[index=" + index + ", name=" + name + ", apn=" + apn + ", ipType=" + ipType + ", auth=" + auth
                + ", username=" + username + ", password=" + (password == null ? "null" : "***") + ", purposes="
                + purposes + ", roamingAllowed=" + roamingAllowed + "]";
    }
}
