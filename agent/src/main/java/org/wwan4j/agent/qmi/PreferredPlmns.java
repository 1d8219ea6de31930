package org.wwan4j.agent.qmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wwan4j.qmi.ClientNas;
import org.wwan4j.qmi.NasPlmnAccessTechnologyIdentifier;
import org.wwan4j.qmi.NasPreferredNetworks;

/** Turns the config's MCCMNC strings into a NAS Set Preferred Networks input. */
final class PreferredPlmns {

    private PreferredPlmns() {
    }

    /**
     * The input that replaces the modem's list with {@code plmns}, each on every access technology (what the
     * reference agent asked with {@code qmicli --nas-set-preferred-networks=MCCMNC,all}).
     *
     * @throws IllegalArgumentException when a PLMN is not 3 MCC digits followed by 2 or 3 MNC digits
     */
    static ClientNas.SetPreferredNetworksInput input(List<String> plmns) {
        List<NasPreferredNetworks.Network> networks = new ArrayList<>();
        for (String plmn : plmns) {
            if (plmn == null || !plmn.matches("[0-9]{5,6}")) {
                throw new IllegalArgumentException("a PLMN is 5 or 6 digits (MCC then MNC), not " + plmn);
            }
            // The PCS-digit flag is what keeps "310010" apart from "31010": the MNC travels as a number.
            networks.add(new NasPreferredNetworks.Network(Integer.parseInt(plmn.substring(0, 3)),
                    Integer.parseInt(plmn.substring(3)), plmn.length() == 6,
                    Set.of(NasPlmnAccessTechnologyIdentifier.ALL)));
        }
        return NasPreferredNetworks.networks(
                new ClientNas.SetPreferredNetworksInput().clearPreviousPreferredNetworks(true), networks);
    }
}
