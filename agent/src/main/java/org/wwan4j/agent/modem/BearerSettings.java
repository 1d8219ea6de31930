package org.wwan4j.agent.modem;

import org.wwan4j.agent.status.IpSettings;

/**
 * IP settings the network gave a connected bearer, one per family; a family not connected is null.
 * Addresses are in their textual form (dotted quad, RFC 5952 for IPv6); MTU null when the network gave none.
 */
public record BearerSettings(IpSettings ipv4, IpSettings ipv6) {

    public boolean hasAddress() {
        return (ipv4 != null && ipv4.address() != null) || (ipv6 != null && ipv6.address() != null);
    }
}
