package org.wwan4j.agent.qmi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.status.StoredProfile;
import org.wwan4j.agent.status.StoredProfile.Purpose;
import org.wwan4j.glib.EnumValue;
import org.wwan4j.glib.FlagSet;
import org.wwan4j.qmi.ClientWds;
import org.wwan4j.qmi.WdsApnTypeMask;
import org.wwan4j.qmi.WdsPdpType;
import org.wwan4j.qmi.WdsProfileType;

/**
 * The modem's 3GPP profiles over WDS: Get Profile List, then Get Profile Settings for each, one after the other
 * (modems serve WDS requests one at a time anyway). A profile whose settings cannot be read is listed with what
 * the list gave (index and name): one broken entry must not hide the others. The password is never read out.
 */
final class QmiStoredProfiles {

    private final ClientWds wds;

    QmiStoredProfiles(ClientWds wds) {
        this.wds = wds;
    }

    CompletableFuture<List<StoredProfile>> read() {
        return wds.getProfileList(new ClientWds.GetProfileListInput().profileType(WdsProfileType._3GPP))
                .thenCompose(list -> {
                    List<ClientWds.GetProfileListProfileListProfile> entries =
                            list.profileList() == null ? List.of() : list.profileList();
                    CompletableFuture<List<StoredProfile>> chain = CompletableFuture.completedFuture(new ArrayList<>());
                    for (ClientWds.GetProfileListProfileListProfile entry : entries) {
                        chain = chain.thenCompose(read -> settings(entry).thenApply(profile -> {
                            read.add(profile);
                            return read;
                        }));
                    }
                    return chain.thenApply(List::copyOf);
                });
    }

    private CompletableFuture<StoredProfile> settings(ClientWds.GetProfileListProfileListProfile entry) {
        int index = entry.profileIndex();
        return wds.getProfileSettings(new ClientWds.GetProfileSettingsInput().profileId(WdsProfileType._3GPP, index))
                .handle((out, failure) -> {
                    if (failure != null) {
                        ModemException e = QmiFailures.map("WDS Get Profile Settings " + index, failure);
                        // A modem that stopped answering or forgot our client fails the whole read.
                        if (e.kind() == ModemException.Kind.TIMEOUT || QmiFailures.staleClientId(failure)) {
                            throw e;
                        }
                        return new StoredProfile(index, blankToNull(entry.profileName()), "", null, null, null);
                    }
                    return profile(index, entry.profileName(), out);
                });
    }

    static StoredProfile profile(int index, String listedName, ClientWds.GetProfileSettingsOutput out) {
        String name = blankToNull(out.profileName() != null ? out.profileName() : listedName);
        Boolean roamingAllowed = out.roamingDisallowedFlag() == null ? null : !out.roamingDisallowedFlag();
        return new StoredProfile(index, name, out.apnName(), ipType(out.pdpType()), purposes(out.apnTypeMask()),
                roamingAllowed);
    }

    static IpType ipType(EnumValue<WdsPdpType> pdp) {
        if (pdp == null || pdp.constant() == null) {
            return null;
        }
        return switch (pdp.constant()) {
            case IPV4 -> IpType.IPV4;
            case IPV6 -> IpType.IPV6;
            case IPV4_OR_IPV6 -> IpType.IPV4V6;
            case PPP -> null;
        };
    }

    static EnumSet<Purpose> purposes(FlagSet<WdsApnTypeMask> mask) {
        EnumSet<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        if (mask == null) {
            return purposes;
        }
        for (WdsApnTypeMask bit : mask.members()) {
            purposes.add(switch (bit) {
                case IA -> Purpose.ATTACH;
                case DEFAULT -> Purpose.DEFAULT;
                case IMS -> Purpose.IMS;
                case MMS -> Purpose.MMS;
                case FOTA, EMERGENCY -> Purpose.OTHER;
            });
        }
        if (mask.unknownBits() != 0) {
            purposes.add(Purpose.OTHER);
        }
        return purposes;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
