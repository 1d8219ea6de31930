package org.wwan4j.agent.config;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The connectivity probe run through a connected modem.
 *
 * @param method          icmp, tcp, dns or none
 * @param host            target; null means the method's default (the policy decides, e.g. 8.8.8.8 for icmp)
 * @param port            TCP port; required for tcp, otherwise null
 * @param intervalSeconds time between probes
 * @param proxies         IP-addressed proxies of the network, tried first with a TCP connect (EVE's WwanConfig
 *                        carries them; the agent's own config has none)
 */
public record ProbeConfig(ProbeMethod method, String host, Integer port, int intervalSeconds,
        List<InetSocketAddress> proxies) {

    /** Default interval of the reference agent: five minutes. */
    public static final int DEFAULT_INTERVAL_SECONDS = 300;

    public ProbeConfig {
        proxies = proxies == null ? List.of() : List.copyOf(proxies);
    }

    /** A probe without proxies. */
    public ProbeConfig(ProbeMethod method, String host, Integer port, int intervalSeconds) {
        this(method, host, port, intervalSeconds, List.of());
    }

    public static final ProbeConfig DEFAULT = new ProbeConfig(ProbeMethod.ICMP, null, null, DEFAULT_INTERVAL_SECONDS);
}
