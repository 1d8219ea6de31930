package org.wwan4j.agent.status;

import java.util.EnumSet;
import java.util.Set;
import org.wwan4j.agent.config.IpType;

/**
 * One data profile stored in the modem (QMI: a WDS 3GPP profile; MBIM: a provisioned context). The agent connects
 * with its own settings and never relies on these; they are read so a user (EVE's {@code Profiles}) can see what
 * the modem would use on its own, the attach profile above all.
 *
 * @param id             the modem's number for it (QMI profile index, MBIM context id), or null when not given
 * @param name           the profile's name, or null when it has none
 * @param apn            access point name; empty when the profile leaves it to the network
 * @param ipType         the requested family, or null when the modem does not say
 * @param purposes       what the profile is for; empty when the modem does not say
 * @param roamingAllowed false when the modem will not use the profile while roaming, null when not told
 */
public record StoredProfile(Integer id, String name, String apn, IpType ipType, Set<Purpose> purposes,
        Boolean roamingAllowed) {

    /** What traffic a profile serves (QMI APN type mask, MBIM context type). */
    public enum Purpose {
        /** The LTE initial attach (EPS default bearer at registration). */
        ATTACH,
        /** Internet: what a default bearer connects with. */
        DEFAULT,
        IMS,
        MMS,
        /** Any other purpose (device management, emergency, tethering...). */
        OTHER
    }

    public StoredProfile {
        apn = apn == null ? "" : apn;
        purposes = purposes == null || purposes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(purposes));
    }
}
