package org.wwan4j.agent.status;

import java.util.List;

/** IP settings of one family as received from the network. */
public record IpSettings(String address, Integer prefix, String gateway, List<String> dns, Integer mtu) {

    public IpSettings {
        dns = dns == null ? List.of() : List.copyOf(dns);
    }
}
