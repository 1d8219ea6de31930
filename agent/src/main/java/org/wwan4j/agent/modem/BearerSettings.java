package org.wwan4j.agent.modem;

import org.wwan4j.agent.status.IpSettings;

/**
 * IP settings the network gave a connected bearer, one per family; a family not connected is null.
 * Addresses are in their textual form (dotted quad, RFC 5952 for IPv6); MTU null when the network gave none.
 *
 * @param apn the access point the bearer is up on, where the protocol tells it (QMI Get Current Settings does;
 *            MBIM 1.0's connect state does not): null when unknown. Lets a restarted agent tell whether a bearer
 *            it finds up is the one its config asks for.
 */
public record BearerSettings(IpSettings ipv4, IpSettings ipv6, String apn) {

    /** Settings of a bearer whose access point is not known. */
    public BearerSettings(IpSettings ipv4, IpSettings ipv6) {
        this(ipv4, ipv6, null);
    }

    public boolean hasAddress() {
        return (ipv4 != null && ipv4.address() != null) || (ipv6 != null && ipv6.address() != null);
    }
}
