package org.wwan4j.agent.qmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wwan4j.glib.FlagSet;
import org.wwan4j.qmi.ClientNas;
import org.wwan4j.qmi.NasPlmnAccessTechnologyIdentifier;

/** Turns the config's MCCMNC strings into a NAS Set Preferred Networks input. */
final class QmiPreferredPlmns {

    private static final FlagSet<NasPlmnAccessTechnologyIdentifier> ALL =
            FlagSet.of(NasPlmnAccessTechnologyIdentifier.class, Set.of(NasPlmnAccessTechnologyIdentifier.ALL));

    private QmiPreferredPlmns() {
    }

    /**
     * The input that replaces the modem's list with {@code plmns}, each on every access technology (what the
     * reference agent asked with {@code qmicli --nas-set-preferred-networks=MCCMNC,all}).
     *
     * @throws IllegalArgumentException when a PLMN is not 3 MCC digits followed by 2 or 3 MNC digits
     */
    static ClientNas.SetPreferredNetworksInput input(List<String> plmns) {
        List<ClientNas.SetPreferredNetworksInputPreferredNetworksElement> networks = new ArrayList<>();
        List<ClientNas.SetPreferredNetworksInputMncPcsDigitIncludeStatusElement> digits = new ArrayList<>();
        for (String plmn : plmns) {
            if (plmn == null || !plmn.matches("[0-9]{5,6}")) {
                throw new IllegalArgumentException("a PLMN is 5 or 6 digits (MCC then MNC), not " + plmn);
            }
            int mcc = Integer.parseInt(plmn.substring(0, 3));
            int mnc = Integer.parseInt(plmn.substring(3));
            networks.add(new ClientNas.SetPreferredNetworksInputPreferredNetworksElement(mcc, mnc, ALL));
            // The MNC travels as a number: this flag is what keeps "310010" apart from "31010".
            digits.add(new ClientNas.SetPreferredNetworksInputMncPcsDigitIncludeStatusElement(mcc, mnc,
                    plmn.length() == 6));
        }
        return new ClientNas.SetPreferredNetworksInput().clearPreviousPreferredNetworks(true)
                .preferredNetworks(networks).mncPcsDigitIncludeStatus(digits);
    }
}
