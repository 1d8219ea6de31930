package org.wwan4j.agent.linux;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * IP settings of one family as the network gave them with the bearer.
 *
 * @param address    the interface address
 * @param prefix     its prefix length
 * @param gateway    next hop of the default route; null for none (then no default route is added)
 * @param dns        DNS servers, in the network's order
 * @param networkMtu MTU announced by the network, 0 when none
 */
public record IpAssignment(InetAddress address, int prefix, InetAddress gateway, List<InetAddress> dns, int networkMtu) {

    public IpAssignment {
        Objects.requireNonNull(address, "address");
        int maxPrefix = address.getAddress().length * 8;
        if (prefix < 0 || prefix > maxPrefix) {
            throw new IllegalArgumentException("prefix " + prefix + " is outside 0.." + maxPrefix);
        }
        if (gateway != null && gateway.getAddress().length != address.getAddress().length) {
            throw new IllegalArgumentException("gateway " + gateway.getHostAddress() + " is not of the address's family");
        }
        dns = dns == null ? List.of() : List.copyOf(dns);
    }
}
