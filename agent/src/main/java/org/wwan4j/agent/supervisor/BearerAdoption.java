package org.wwan4j.agent.supervisor;

import java.util.Optional;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;

/**
 * Whether a bearer found up when connecting is the one the config asks for, so it is kept instead of reconnected.
 * After an agent restart (kill -9, update, crash) the modem still carries the data session the previous run brought
 * up; connecting again would drop it for nothing, as the {@code Modem} contract says a connect first ends the old
 * session.
 *
 * <p>A bearer is adopted when it has an address and, where the protocol tells its APN (QMI does, MBIM 1.0 does
 * not), that APN is the configured one (APNs are case-insensitive), and every family the config asks for is up. An empty configured APN leaves the choice to
 * the network, so any APN matches it. A bearer on another APN is replaced by a connect.
 */
final class BearerAdoption {

    /** Status-event text when the bearer is adopted. */
    static final String ADOPTED = "adopted the data session left up by a previous run";

    private BearerAdoption() {
    }

    /** The settings to adopt, or empty when the modem must connect. */
    static Optional<BearerSettings> adoptable(Optional<BearerSettings> current, BearerProfile wanted) {
        return current.filter(BearerSettings::hasAddress).filter(up -> up.apn() == null || wanted.apn().isEmpty()
                || up.apn().equalsIgnoreCase(wanted.apn())).filter(up -> hasFamilies(up, wanted.ipType()));
    }

    /** A bearer missing a family the config asks for (ipv4v6 with only IPv4 up) is brought up again. */
    private static boolean hasFamilies(BearerSettings up, IpType wanted) {
        boolean v4 = up.ipv4() != null && up.ipv4().address() != null;
        boolean v6 = up.ipv6() != null && up.ipv6().address() != null;
        return switch (wanted) {
            case IPV4 -> v4;
            case IPV6 -> v6;
            case IPV4V6 -> v4 && v6;
        };
    }
}
